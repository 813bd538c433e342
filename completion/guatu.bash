# bash completion for guatu(1): its options, the values some of them take,
# and chart paths (directories, *.yaml and *.yml files). Needs nothing from
# the bash-completion package. The options are those src/main.c accepts
# (tests/completion.sh checks that no option is missing).
_guatu()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev= pre=
    local opts='-c --check -p --print -w --width --view --color --colour --no-color --ascii
        -b --baseline --readonly --log --today --soon --keys --config
        --export -o --output --what --no-bom -h --help -V --version'
    [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}
    # --color=WHEN: bash splits the word at '=' (COMP_WORDBREAKS) or not.
    if [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 1 ]; then
        prev=${COMP_WORDS[COMP_CWORD-2]}=
    elif [ "$cur" = "=" ]; then
        prev=$prev= cur=
    fi
    case $cur in
    --color=* | --colour=*)
        # one word: the reply replaces all of it
        prev=${cur%%=*}= pre=${cur%%=*}= cur=${cur#*=} ;;
    esac
    case $prev in
    --view)
        COMPREPLY=($(compgen -W 'status targets timeline browse' -- "$cur"))
        return ;;
    --color= | --colour=)
        COMPREPLY=($(compgen -P "$pre" -W 'auto always never' -- "$cur"))
        return ;;
    --export)
        COMPREPLY=($(compgen -W 'csv json xlsx' -- "$cur"))
        return ;;
    --what)
        COMPREPLY=($(compgen -W 'milestones targets' -- "$cur"))
        return ;;
    -w | --width | --today | --soon)
        COMPREPLY=() # a number or a date: nothing to offer
        return ;;
    --log | --config | -o | --output)
        compopt -o filenames 2>/dev/null
        local IFS=$'\n' # file names may hold spaces
        COMPREPLY=($(compgen -f -- "$cur"))
        return ;;
    esac
    case $cur in
    -*)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return ;;
    esac
    # A chart: a directory, or a .yaml / .yml file in any case (as guatu
    # reads them); after --baseline also a copy at a path.
    compopt -o filenames 2>/dev/null
    local IFS=$'\n' # file names may hold spaces
    COMPREPLY=($(compgen -d -- "$cur"
        compgen -f -X '!*.[Yy][Aa][Mm][Ll]' -- "$cur"
        compgen -f -X '!*.[Yy][Mm][Ll]' -- "$cur"))
}
complete -F _guatu guatu
