# Writes a city-sized chart: ZONES zones, each with SUB sub-zones of PROJ
# projects of MS milestones (awk -v ZONES=50 -v SUB=10 -v PROJ=40 -v MS=10).
BEGIN {
    split("签约 供地 开工建设 主体完工 竣工验收 投产 达产 入库 设备安装 试生产", ms, " ")
    split("2022年10月下旬 2023年一季度 2023-06-30 2023年底前 2024/3/15 2024年上半年 2022年9月30日前 2025-Q2 2024年11月 ２０２５年３月", due, " ")
    split("planned active done dropped", st, " ")
    print "title: 城市重点项目挂图（压力测试）"
    print "zones:"
    n = 0
    for (z = 1; z <= ZONES; z++) {
        printf "  - name: 第%d经济功能区\n    id: z%d\n    owner: 管委会主任 王%d\n    zones:\n", z, z, z
        for (s = 1; s <= SUB; s++) {
            printf "      - name: 第%d片区\n        projects:\n", s
            for (p = 1; p <= PROJ; p++) {
                printf "          - name: 智能制造产业园%d-%d-%d号项目\n            investment: %d.%d\n            owner: 项目经理 李%d\n            milestones:\n", z, s, p, p % 90 + 1, p % 10, p % 97
                for (m = 1; m <= MS; m++) {
                    n++
                    printf "              - {name: %s, due: %s, status: %s}\n", ms[(m - 1) % 10 + 1], due[(n * 7 + m) % 10 + 1], st[(n + p) % 4 + 1]
                }
            }
        }
    }
}
