# bash completion for actorgraph(1); installed as
# share/bash-completion/completions/actorgraph. Subcommands, their options
# and the values those take; --era and compare's ERA_A ERA_B complete the
# era ids of the dataset named on the line (or the default,
# graphs/new-great-game), explain's and trajectory's ACTOR its actor ids.

# The first column of FILE (eras.csv, actors.csv) of that dataset.
_actorgraph_ids()
{
    local dir=graphs/new-great-game w
    for w in "${COMP_WORDS[@]:2}"; do
        if [[ $w != -* && -f $w/$1 ]]; then
            dir=$w
            break
        fi
    done
    [[ -f $dir/$1 ]] && tail -n +2 "$dir/$1" | cut -d, -f1
}

_actorgraph_eras() { _actorgraph_ids eras.csv; }
_actorgraph_actors() { _actorgraph_ids actors.csv; }

_actorgraph()
{
    local cur prev cmd opts
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    local commands="balance check compare explain export import list render report run timeline trajectory types"
    local levels="actor state" ties="all positive negative"
    local metrics="degree strength betweenness harmonic eigenvector in_degree out_degree pagerank hub authority all"

    if ((COMP_CWORD == 1)); then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    cmd=${COMP_WORDS[1]}

    # run --compare ERA_A ERA_B: two era ids
    if [[ $prev == --compare || (COMP_CWORD -gt 2 && ${COMP_WORDS[COMP_CWORD-2]} == --compare) ]]; then
        COMPREPLY=($(compgen -W "$(_actorgraph_eras)" -- "$cur"))
        return
    fi

    case $prev in
    --level) COMPREPLY=($(compgen -W "$levels" -- "$cur")); return ;;
    --dates) COMPREPLY=($(compgen -W "probable possible certain" -- "$cur")); return ;;
    --ties) COMPREPLY=($(compgen -W "$ties" -- "$cur")); return ;;
    --metric | --metrics | --size-by) COMPREPLY=($(compgen -W "$metrics" -- "$cur")); return ;;
    --era) COMPREPLY=($(compgen -W "$(_actorgraph_eras)" -- "$cur")); return ;;
    --edges) COMPREPLY=($(compgen -W "dyads relations" -- "$cur")); return ;;
    --aggregate) COMPREPLY=($(compgen -W "none day month era" -- "$cur")); return ;;
    --weight) COMPREPLY=($(compgen -W "cameo intensity" -- "$cur")); return ;;
    --eras) COMPREPLY=($(compgen -W "month year" -- "$cur")); return ;;
    --engine) COMPREPLY=($(compgen -W "neato fdp sfdp dot circo" -- "$cur")); return ;;
    --triangles) COMPREPLY=($(compgen -W "unbalanced all none" -- "$cur")); return ;;
    --table) COMPREPLY=($(compgen -W "summary correlations actors dyads relations" -- "$cur")); return ;;
    --format)
        case $cmd in
        export) COMPREPLY=($(compgen -W "graphml gexf json cyjs csv csv-nodes" -- "$cur")) ;;
        render) COMPREPLY=($(compgen -W "svg png pdf dot" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "table csv json md html" -- "$cur")) ;;
        esac
        return ;;
    -o | --output)
        if [[ $cmd == import || $cmd == run || $cmd == render ]]; then
            COMPREPLY=($(compgen -d -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        return ;;
    --diagram) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --types)
        # import takes a mapping file; the others a list of type ids
        [[ $cmd == import ]] && COMPREPLY=($(compgen -f -- "$cur"))
        return ;;
    --top | --min-events | --max-triangles | --window | --step | --from | --to | --actors)
        return ;;
    esac

    case $cmd in
    balance) opts="--era --all --from --to --dates --level --types --triangles --max-triangles --blocks --time-limit --format -o --help" ;;
    check) opts="--strict --quiet --help" ;;
    compare) opts="--dates --level --ties --types --metric --table --format --plot --top --diagram -o --help" ;;
    explain) opts="--era --from --to --dates --level --ties --types --format -o --help" ;;
    export) opts="--era --from --to --dates --level --ties --types --edges --format --no-metrics -o --help" ;;
    import)
        if ((COMP_CWORD == 2)) && [[ $cur != -* ]]; then
            COMPREPLY=($(compgen -W "gdelt gdelt2 icews phoenix" -- "$cur"))
            return
        fi
        opts="-o --aggregate --min-events --types --weight --eras --quiet --help" ;;
    render) opts="--era --all --from --to --format --engine --dates --level --ties --types --same-layout --legend --ego --depth --blocs --size-by -o --help" ;;
    report) opts="--era --all --from --to --dates --level --ties --types --metric --top --format --threads --sample --quiet -o --help" ;;
    run) opts="--dates --level --ties --types --compare --window --step -o --threads --sample --quiet --help" ;;
    timeline) opts="--metric --window --step --from --to --dates --level --ties --types --actors --top --plot --format --threads --sample --quiet -o --help" ;;
    list)
        if ((COMP_CWORD == 2)) && [[ $cur != -* ]]; then
            COMPREPLY=($(compgen -W "actors eras types" -- "$cur"))
            return
        fi
        opts="--format -o --help" ;;
    types) opts="--format -o --help" ;;
    trajectory) opts="--metric --era --level --ties --dates --types --format --plot -o --help" ;;
    *) return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ $cmd == import ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    elif [[ $cmd == compare ]]; then
        COMPREPLY=($(compgen -W "$(_actorgraph_eras)" -- "$cur") $(compgen -d -- "$cur"))
    elif [[ $cmd == explain || $cmd == trajectory ]]; then
        COMPREPLY=($(compgen -W "$(_actorgraph_actors)" -- "$cur") $(compgen -d -- "$cur"))
    else
        COMPREPLY=($(compgen -d -- "$cur"))
    fi
}

complete -o filenames -F _actorgraph actorgraph
