#!/bin/bash

__impact_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__impact_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__impact_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__impact_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_impact() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __impact_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    status|import|export|projects|find|score|rank|scores|compare|portfolio|coverage|whatif|rate|observe|observations|scheme|indicators|framework|map|watch|audit|snapshot|diff|trend|progress|report|help)
        # Offer subcommand argument completions
        "_impact_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'status import export projects find score rank scores compare portfolio coverage whatif rate observe observations scheme indicators framework map watch audit snapshot diff trend progress report help' -- "${cur}"))
        ;;
    esac
}

_impact_status() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --check --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    esac
}

_impact_import() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --replace --dry-run --overwrite-newer --yes -q --quiet --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --expected-revision --encoding --errors)
    __impact_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--expected-revision')
        return
        ;;
    '--encoding')
        __impact_add_completions -W 'utf-8'$'\n''windows-1252'$'\n''utf-16'
        return
        ;;
    '--errors')
        return
        ;;
    esac
}

_impact_export() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom -q --quiet --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme --format --to --organization --base-iri)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    '--format')
        __impact_add_completions -W 'json'$'\n''csv'$'\n''cids'
        return
        ;;
    '--to')
        return
        ;;
    '--organization')
        return
        ;;
    '--base-iri')
        return
        ;;
    esac
}

_impact_projects() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __impact_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|delete)
        # Offer subcommand argument completions
        "_impact_projects_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show delete' -- "${cur}"))
        ;;
    esac
}

_impact_projects_list() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_impact_projects_show() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    esac
}

_impact_projects_delete() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --expected-revision)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--expected-revision')
        return
        ;;
    esac
}

_impact_find() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator)
    __impact_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_impact_score() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --explain --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    esac
}

_impact_rank() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme --top)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    '--top')
        return
        ;;
    esac
}

_impact_scores() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom -q --quiet --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_impact_compare() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme)
    __impact_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_impact_portfolio() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme --top)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    '--top')
        return
        ;;
    esac
}

_impact_coverage() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_impact_whatif() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --all --version -h --help)
    repeating_options=(--status --programme --territory --domain --add --remove --replace --set)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    '--add')
        return
        ;;
    '--remove')
        return
        ;;
    '--replace')
        return
        ;;
    '--set')
        return
        ;;
    esac
}

_impact_rate() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --expected-revision --criterion --rater --value --comment)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--expected-revision')
        return
        ;;
    '--criterion')
        return
        ;;
    '--rater')
        return
        ;;
    '--value')
        return
        ;;
    '--comment')
        return
        ;;
    esac
}

_impact_observe() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --force --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --expected-revision --period --source)
    __impact_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--expected-revision')
        return
        ;;
    '--period')
        return
        ;;
    '--source')
        return
        ;;
    esac
}

_impact_observations() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --outcome)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--outcome')
        return
        ;;
    esac
}

_impact_scheme() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __impact_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|set)
        # Offer subcommand argument completions
        "_impact_scheme_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show set' -- "${cur}"))
        ;;
    esac
}

_impact_scheme_show() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --document --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    esac
}

_impact_scheme_set() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --expected-revision)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--expected-revision')
        return
        ;;
    esac
}

_impact_indicators() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __impact_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|search|show|usage)
        # Offer subcommand argument completions
        "_impact_indicators_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list search show usage' -- "${cur}"))
        ;;
    esac
}

_impact_indicators_list() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --domain --kind)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--domain')
        return
        ;;
    '--kind')
        __impact_add_completions -W 'output'$'\n''outcome'
        return
        ;;
    esac
}

_impact_indicators_search() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --domain --kind)
    __impact_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--domain')
        return
        ;;
    '--kind')
        __impact_add_completions -W 'output'$'\n''outcome'
        return
        ;;
    esac
}

_impact_indicators_show() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    esac
}

_impact_indicators_usage() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_impact_framework() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __impact_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|set|check)
        # Offer subcommand argument completions
        "_impact_framework_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show set check' -- "${cur}"))
        ;;
    esac
}

_impact_framework_show() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --versions --document --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --version)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--version')
        return
        ;;
    esac
}

_impact_framework_set() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --expected-revision)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--expected-revision')
        return
        ;;
    esac
}

_impact_framework_check() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --programme)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--programme')
        return
        ;;
    esac
}

_impact_map() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --programme)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--programme')
        return
        ;;
    esac
}

_impact_watch() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--project)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --since --give-up-after)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--since')
        return
        ;;
    '--project')
        return
        ;;
    '--give-up-after')
        return
        ;;
    esac
}

_impact_audit() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --actor --project --method --since --until --limit)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--actor')
        return
        ;;
    '--project')
        return
        ;;
    '--method')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_impact_snapshot() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __impact_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|delete)
        # Offer subcommand argument completions
        "_impact_snapshot_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show delete' -- "${cur}"))
        ;;
    esac
}

_impact_snapshot_create() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --expected-revision --note)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--expected-revision')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_impact_snapshot_list() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    esac
}

_impact_snapshot_show() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    esac
}

_impact_snapshot_delete() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --expected-revision)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--expected-revision')
        return
        ;;
    esac
}

_impact_diff() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain --explain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --top --max-projects)
    __impact_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    '--explain')
        return
        ;;
    '--top')
        return
        ;;
    '--max-projects')
        return
        ;;
    esac
}

_impact_trend() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain --point)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --every --since --project --scheme)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    '--every')
        __impact_add_completions -W 'snapshot'$'\n''month'$'\n''quarter'
        return
        ;;
    '--since')
        return
        ;;
    '--project')
        return
        ;;
    '--point')
        return
        ;;
    '--scheme')
        return
        ;;
    esac
}

_impact_progress() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator --at --scheme --outcome)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    '--outcome')
        return
        ;;
    esac
}

_impact_report() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __impact_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    portfolio|project|committee)
        # Offer subcommand argument completions
        "_impact_report_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'portfolio project committee' -- "${cur}"))
        ;;
    esac
}

_impact_report_portfolio() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator -o --to --title --pdf --data --generated-at --at --scheme --since)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '-o'|'--to')
        return
        ;;
    '--title')
        return
        ;;
    '--pdf')
        return
        ;;
    '--data')
        return
        ;;
    '--generated-at')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    '--since')
        return
        ;;
    esac
}

_impact_report_project() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=()
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator -o --to --title --pdf --data --generated-at --at --scheme)
    __impact_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '-o'|'--to')
        return
        ;;
    '--title')
        return
        ;;
    '--pdf')
        return
        ;;
    '--data')
        return
        ;;
    '--generated-at')
        return
        ;;
    '--at')
        return
        ;;
    '--scheme')
        return
        ;;
    esac
}

_impact_report_committee() {
    repeating_flags=()
    non_repeating_flags=(--tls --json --wide --excel --decimal-comma --bom --version -h --help)
    repeating_options=(--status --programme --territory --domain --candidate)
    non_repeating_options=(--server --token --ca --cert --key --tls-server-name --timeout --min-revision --output --lang --columns --separator -o --to --title --pdf --data --generated-at --since)
    __impact_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--ca')
        return
        ;;
    '--cert')
        return
        ;;
    '--key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--timeout')
        return
        ;;
    '--min-revision')
        return
        ;;
    '--output')
        __impact_add_completions -W 'table'$'\n''json'$'\n''csv'
        return
        ;;
    '--lang')
        __impact_add_completions -W 'en'$'\n''fr'
        return
        ;;
    '--columns')
        return
        ;;
    '--separator')
        return
        ;;
    '-o'|'--to')
        return
        ;;
    '--title')
        return
        ;;
    '--pdf')
        return
        ;;
    '--data')
        return
        ;;
    '--generated-at')
        return
        ;;
    '--status')
        __impact_add_completions -W 'pipeline'$'\n''committee'$'\n''funded'$'\n''closed'$'\n''rejected'
        return
        ;;
    '--programme')
        return
        ;;
    '--territory')
        return
        ;;
    '--domain')
        return
        ;;
    '--since')
        return
        ;;
    '--candidate')
        return
        ;;
    esac
}

_impact_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __impact_offer_flags_options -1
}

complete -o filenames -F _impact impact
