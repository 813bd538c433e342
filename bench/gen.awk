# Writes a city chart of N milestones (awk -v N=200000 -f gen.awk): zones of
# 10 sub-zones of 40 projects of 10 milestones, as many zones as N needs, the
# last one cut short. Realistic on purpose: Chinese names, ten date forms
# (full-width digits, quarters, halves, 底前 …), all four statuses. Targets
# as a zone office keeps them: two on each zone (a year's investment with its
# quarters' figures, and projects started), one on each sub-zone, some met,
# some behind, some with no figure yet; and one on each sub-zone's first
# project.
# Deterministic: the same N gives the same bytes.
#
# FORMAT=task writes the same milestones as taskwarrior import JSON (one task
# a line) and FORMAT=calcurse as calcurse events (MM/DD/YYYY [1] text), for
# the peers' equivalent reports. Both read a due form as its last day, as
# guatu counts a milestone overdue once that day has passed.
BEGIN {
    if (N == "") N = 200000
    if (FORMAT == "") FORMAT = "yaml"
    SUB = 10; PROJ = 40; MS = 10
    split("签约 供地 开工建设 主体完工 竣工验收 投产 达产 入库 设备安装 试生产", ms, " ")
    split("2022年10月下旬 2023年一季度 2023-06-30 2023年底前 2024/3/15 2024年上半年 2022年9月30日前 2025-Q2 2024年11月 ２０２５年３月", due, " ")
    # The same ten dates as year month day: the last day of each form above.
    split("2022 10 31 2023 3 31 2023 6 30 2023 12 31 2024 3 15 2024 6 30 2022 9 30 2025 6 30 2024 11 30 2025 3 31", ymd, " ")
    split("planned active done dropped", st, " ")
    if (FORMAT == "yaml") {
        print "title: 城市重点项目挂图（压力测试）"
        print "zones:"
    }
    n = 0
    for (z = 1; n < N; z++) {
        if (FORMAT == "yaml") {
            printf "  - name: 第%d经济功能区\n    id: z%d\n    owner: 管委会主任 王%d\n", z, z, z
            zone_targets(z)
            print "    zones:"
        }
        for (s = 1; s <= SUB && n < N; s++) {
            if (FORMAT == "yaml") {
                printf "      - name: 第%d片区\n", s
                sub_target(z, s)
                print "        projects:"
            }
            for (p = 1; p <= PROJ && n < N; p++) {
                pname = sprintf("智能制造产业园%d-%d-%d号项目", z, s, p)
                if (FORMAT == "yaml") {
                    printf "          - name: %s\n            investment: %d.%d\n            owner: 项目经理 李%d\n", pname, p % 90 + 1, p % 10, p % 97
                    if (p == 1) # a sub-zone's first project has a target of its own
                        printf "            targets:\n              - {name: 年度完成投资, target: %d, unit: 亿元, start: 2023年, due: 2023年底, actual: %d.%d, as_of: 2023年11月}\n", p % 90 + 1, (z + s) % (p % 90 + 2), s % 10
                    print "            milestones:"
                }
                for (m = 1; m <= MS && n < N; m++) {
                    n++
                    # Every project has each of the ten due forms once.
                    d = (n * 7 + p) % 10 + 1
                    name = ms[(m - 1) % 10 + 1]
                    status = st[(n + p) % 4 + 1]
                    if (FORMAT == "yaml")
                        printf "              - {name: %s, due: %s, status: %s}\n", name, due[d], status
                    else if (FORMAT == "task")
                        task(n, z, s, pname " " name, d, status)
                    else
                        printf "%02d/%02d/%04d [1] %s %s\n", ymd[3 * d - 1], ymd[3 * d], ymd[3 * d - 2], pname, name
                }
            }
        }
    }
}

# A zone's two targets: the year's investment, reported each quarter, and
# the projects started in the year.
function zone_targets(z,    goal, q) {
    goal = 80 + z % 7 * 10
    print "    targets:"
    printf "      - name: 全年完成投资\n        owner: 经济发展局 张%d\n        target: %d\n        unit: 亿元\n", z, goal
    print "        start: 2023年\n        due: 2023年底\n        progress:"
    for (q = 1; q <= 3; q++)
        printf "          - {as_of: 2023年%d月, actual: %d.%d}\n", 3 * q, goal * q * (z % 3 + 2) / 16, (z + q) % 10
    printf "      - name: 年内开工项目\n        target: 40\n        unit: 个\n        due: 2023年底\n"
    if (z % 4)
        printf "        actual: %d\n        as_of: 2023年10月\n", 20 + z % 4 * 7
}

# A sub-zone's target: standard factory floor space, a figure on most.
function sub_target(z, s) {
    print "        targets:"
    printf "          - {name: 标准化厂房建成, target: %d, unit: 万平方米, start: 2023年, due: 2024年6月", 10 + s
    if ((z + s) % 5)
        printf ", actual: %d.%d, as_of: 2023年12月", (z * 3 + s * 7) % (12 + s), s % 10
    print "}"
}

# One task: pending unless done (completed) or dropped (deleted), which
# taskwarrior wants with an end date. Fixed uuids and entry dates keep the
# import the same every time.
function task(n, z, s, text, d, status,    date, tw) {
    date = sprintf("%04d%02d%02dT000000Z", ymd[3 * d - 2], ymd[3 * d - 1], ymd[3 * d])
    tw = status == "done" ? "completed" : status == "dropped" ? "deleted" : "pending"
    printf "{\"uuid\":\"00000000-0000-4000-8000-%012d\",\"description\":\"%s\",\"project\":\"z%d.s%d\",\"entry\":\"20220101T000000Z\",\"due\":\"%s\",\"status\":\"%s\"%s}\n", n, text, z, s, date, tw, tw == "pending" ? "" : ",\"end\":\"20220101T000000Z\""
}
