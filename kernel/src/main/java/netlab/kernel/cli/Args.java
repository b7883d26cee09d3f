package netlab.kernel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netlab.text.Text;

/**
 * Parsed command-line arguments: {@code --flag}, {@code --option VALUE} or {@code --option=VALUE}
 * (repeatable), and positionals. A pure function of its input, so it is tested as a table.
 */
record Args(Map<String, List<String>> options, List<String> positionals) {

    /**
     * Parses {@code args}. {@code flags} take no value, {@code valued} take one; anything else starting
     * with {@code --} is refused with the list of options that exist.
     */
    static Args parse(List<String> args, Set<String> flags, Set<String> valued) throws UsageException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            if (!arg.startsWith("--")) {
                // netlab has no short options: '-t 5' taken as two positionals was refused as "name one notebook"
                throw new UsageException(Text.of("cli.args.unknown", arg, known(flags, valued)));
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (flags.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException(Text.of("cli.args.no-value", name, arg.substring(eq + 1)));
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(Text.of("cli.args.needs-value", name));
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException(Text.of("cli.args.unknown", "--" + name, known(flags, valued)));
            }
        }
        return new Args(options, positionals);
    }

    /** The options that exist, as the teacher would type them. */
    private static String known(Set<String> flags, Set<String> valued) {
        Set<String> known = new TreeSet<>(flags);
        known.addAll(valued);
        return String.join(", ", known.stream().map(k -> "--" + k).toList());
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /** The last value given for {@code name}, or {@code fallback}. */
    String value(String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.getLast();
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }
}
