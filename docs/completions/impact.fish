function __impact_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __impact_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __impact_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __impact_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __impact_parse_tokens -S
    set -l unparsed_tokens (__impact_tokens -pc)
    switch $unparsed_tokens[1]
    case 'impact'
        __impact_parse_subcommand 0 'h/help'
        switch $unparsed_tokens[1]
        case 'status'
            __impact_parse_subcommand 0 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'check' 'h/help'
        case 'import'
            __impact_parse_subcommand -r 1 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'expected-revision=' 'replace' 'dry-run' 'h/help'
        case 'export'
            __impact_parse_subcommand 0 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'status=+' 'programme=+' 'territory=+' 'domain=+' 'format=' 'to=' 'h/help'
        case 'projects'
            __impact_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __impact_parse_subcommand 0 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'status=+' 'programme=+' 'territory=+' 'domain=+' 'h/help'
            case 'show'
                __impact_parse_subcommand 1 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'h/help'
            case 'delete'
                __impact_parse_subcommand 1 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'expected-revision=' 'h/help'
            end
        case 'score'
            __impact_parse_subcommand 1 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'explain' 'h/help'
        case 'rank'
            __impact_parse_subcommand 0 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'status=+' 'programme=+' 'territory=+' 'domain=+' 'top=' 'h/help'
        case 'compare'
            __impact_parse_subcommand -r 1 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'status=+' 'programme=+' 'territory=+' 'domain=+' 'h/help'
        case 'portfolio'
            __impact_parse_subcommand 0 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'status=+' 'programme=+' 'territory=+' 'domain=+' 'h/help'
        case 'coverage'
            __impact_parse_subcommand 0 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'status=+' 'programme=+' 'territory=+' 'domain=+' 'h/help'
        case 'whatif'
            __impact_parse_subcommand 0 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'status=+' 'programme=+' 'territory=+' 'domain=+' 'add=+' 'remove=+' 'replace=+' 'set=+' 'h/help'
        case 'rate'
            __impact_parse_subcommand 1 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'expected-revision=' 'criterion=' 'rater=' 'value=' 'comment=' 'h/help'
        case 'observe'
            __impact_parse_subcommand 3 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'expected-revision=' 'period=' 'source=' 'by=' 'h/help'
        case 'scheme'
            __impact_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'show'
                __impact_parse_subcommand 0 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'document' 'h/help'
            case 'set'
                __impact_parse_subcommand 1 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'expected-revision=' 'dry-run' 'h/help'
            end
        case 'watch'
            __impact_parse_subcommand 0 'server=' 'token=' 'timeout=' 'output=' 'json' 'lang=' 'since=' 'project=+' 'h/help'
        case 'help'
            __impact_parse_subcommand -r 1 
        end
    end
end

function __impact_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __impact_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __impact_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __impact_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__impact_tokens -p)
    if test -z "$(__impact_tokens -t)"
        set -l index (count (__impact_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'impact' -f
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'status' -d 'Show the daemon\'s health, revision, project count, uptime and scheme.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'import' -d 'Import a portfolio: one JSON document, or CSV tables (projects, outcomes, ratings).'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'export' -d 'Export the portfolio (or a filtered part) as JSON or CSV tables.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'projects' -d 'List, show and delete projects.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'score' -d 'Show a project\'s score: totals, each outcome\'s dimensions, each criterion\'s median.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'rank' -d 'Rank the projects a filter selects by rank score, highest first.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'compare' -d 'Compare projects side by side: one column per project.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'portfolio' -d 'Show portfolio figures: weighted scores, exposure per domain, HHI, coverage, gaps, SROI.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'coverage' -d 'Show the coverage matrix: outcomes and amounts per domain and depth class.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'whatif' -d 'Simulate changes (add, remove, replace, edit projects) without storing anything.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'rate' -d 'Record a committee member\'s rating (0 to 4) of one criterion of a project.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'observe' -d 'Record an observed value of an outcome\'s indicator; it becomes the outcome\'s actual.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'scheme' -d 'Show or replace the scheme: the constants, criteria and domains of the method.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'watch' -d 'Print each committed change as it happens, one line per change.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact status" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact status" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact status" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact status" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact status" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact status" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact status" check' -l 'check' -d 'Exit 0 when the daemon is SERVING, 69 otherwise.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" expected-revision' -l 'expected-revision' -d 'Refuse the write (exit 65) unless the portfolio is at this revision.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" replace' -l 'replace' -d 'Delete the stored projects the files lack: the files become the whole portfolio.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" dry-run' -l 'dry-run' -d 'Validate and count, write nothing.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export"' -l 'status' -d 'Only projects with this status (pipeline, committee, funded, closed, rejected). Repeatable.' -rfka 'pipeline committee funded closed rejected'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export"' -l 'programme' -d 'Only projects of this programme. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export"' -l 'territory' -d 'Only projects in this territory. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export"' -l 'domain' -d 'Only projects with an outcome in this domain. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export" format' -l 'format' -d 'The document\'s format: json or csv.' -rfka 'json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export" to' -l 'to' -d 'The file (json) or directory (csv) to write to.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact projects" -eq 1' -fa 'list' -d 'List the projects a filter selects, ordered by id.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact projects" -eq 1' -fa 'show' -d 'Show a project: its fields, outcomes and ratings.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact projects" -eq 1' -fa 'delete' -d 'Delete a project and its observations.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list"' -l 'status' -d 'Only projects with this status (pipeline, committee, funded, closed, rejected). Repeatable.' -rfka 'pipeline committee funded closed rejected'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list"' -l 'programme' -d 'Only projects of this programme. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list"' -l 'territory' -d 'Only projects in this territory. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list"' -l 'domain' -d 'Only projects with an outcome in this domain. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects show" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects show" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects show" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects show" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects show" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects show" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects delete" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects delete" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects delete" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects delete" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects delete" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects delete" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects delete" expected-revision' -l 'expected-revision' -d 'Refuse the write (exit 65) unless the portfolio is at this revision.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact projects delete" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact score" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact score" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact score" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact score" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact score" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact score" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact score" explain' -l 'explain' -d 'Print how each figure was computed.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact score" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank"' -l 'status' -d 'Only projects with this status (pipeline, committee, funded, closed, rejected). Repeatable.' -rfka 'pipeline committee funded closed rejected'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank"' -l 'programme' -d 'Only projects of this programme. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank"' -l 'territory' -d 'Only projects in this territory. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank"' -l 'domain' -d 'Only projects with an outcome in this domain. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank" top' -l 'top' -d 'Only the first N projects.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rank" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare"' -l 'status' -d 'Only projects with this status (pipeline, committee, funded, closed, rejected). Repeatable.' -rfka 'pipeline committee funded closed rejected'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare"' -l 'programme' -d 'Only projects of this programme. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare"' -l 'territory' -d 'Only projects in this territory. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare"' -l 'domain' -d 'Only projects with an outcome in this domain. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact compare" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio"' -l 'status' -d 'Only projects with this status (pipeline, committee, funded, closed, rejected). Repeatable.' -rfka 'pipeline committee funded closed rejected'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio"' -l 'programme' -d 'Only projects of this programme. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio"' -l 'territory' -d 'Only projects in this territory. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio"' -l 'domain' -d 'Only projects with an outcome in this domain. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact portfolio" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage"' -l 'status' -d 'Only projects with this status (pipeline, committee, funded, closed, rejected). Repeatable.' -rfka 'pipeline committee funded closed rejected'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage"' -l 'programme' -d 'Only projects of this programme. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage"' -l 'territory' -d 'Only projects in this territory. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage"' -l 'domain' -d 'Only projects with an outcome in this domain. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact coverage" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif"' -l 'status' -d 'Only projects with this status (pipeline, committee, funded, closed, rejected). Repeatable.' -rfka 'pipeline committee funded closed rejected'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif"' -l 'programme' -d 'Only projects of this programme. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif"' -l 'territory' -d 'Only projects in this territory. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif"' -l 'domain' -d 'Only projects with an outcome in this domain. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif"' -l 'add' -d 'A JSON portfolio document whose projects are added. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif"' -l 'remove' -d 'Remove this project. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif"' -l 'replace' -d 'A JSON portfolio document whose projects replace the stored ones. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif"' -l 'set' -d 'Edit a field: ID.FIELD=VALUE or ID.outcomes.OUTCOME.FIELD=VALUE. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact whatif" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" expected-revision' -l 'expected-revision' -d 'Refuse the write (exit 65) unless the portfolio is at this revision.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" criterion' -l 'criterion' -d 'The criterion\'s id (what, who, participation, systemic in impact-v1).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" rater' -l 'rater' -d 'Who rates (a committee member\'s identifier).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" value' -l 'value' -d 'The rating, 0 to 4 (fractions allowed).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" comment' -l 'comment' -d 'The rater\'s comment.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact rate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" expected-revision' -l 'expected-revision' -d 'Refuse the write (exit 65) unless the portfolio is at this revision.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" period' -l 'period' -d 'The period the value describes: 2026-Q3, 2026-09, 2026 or 2026-09-30.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" source' -l 'source' -d 'Where the value comes from.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" by' -l 'by' -d 'Who records it (default: the caller\'s identity).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact observe" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact scheme" -eq 1' -fa 'show' -d 'Show the current scheme: constants, criteria with weights, domains with labels.'
complete -c 'impact' -n '__impact_should_offer_completions_for_positional "impact scheme" -eq 1' -fa 'set' -d 'Replace the scheme with a scheme document (JSON).'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme show" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme show" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme show" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme show" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme show" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme show" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme show" document' -l 'document' -d 'Print the scheme document (JSON) instead.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme set" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme set" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme set" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme set" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme set" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme set" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme set" expected-revision' -l 'expected-revision' -d 'Refuse the write (exit 65) unless the portfolio is at this revision.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme set" dry-run' -l 'dry-run' -d 'Validate the scheme (also against the stored projects), install nothing.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact scheme set" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact watch" server' -l 'server' -d 'The daemon\'s address (env IMPACT_SERVER; default 127.0.0.1:7420).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact watch" token' -l 'token' -d 'A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact watch" timeout' -l 'timeout' -d 'The most seconds the whole command may take.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact watch" output' -l 'output' -d 'Output format: table, json or csv.' -rfka 'table json csv'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact watch" json' -l 'json' -d 'Shorthand for --output json.'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact watch" lang' -l 'lang' -d 'Language of labels: en or fr (env IMPACT_LANG; default en).' -rfka 'en fr'
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact watch" since' -l 'since' -d 'Replay the changes after this revision first.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact watch"' -l 'project' -d 'Only changes touching this project. Repeatable.' -rfka ''
complete -c 'impact' -n '__impact_should_offer_completions_for_flags_or_options "impact watch" h help' -s 'h' -l 'help' -d 'Show help information.'
