package netlab.kernel.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.text.Lang;

/**
 * The language of the terminal that runs {@code netlab}, from its environment: {@code NETLAB_LANG} ({@code zh} or
 * {@code en}), else the first of {@code LC_ALL}, {@code LC_MESSAGES} and {@code LANG} that is set, as POSIX reads
 * them. Why not Java's own locale alone: Java takes it from the same variables only where the system has that
 * locale installed, so {@code LANG=zh_CN.UTF-8} on a server or in a container without Chinese locales gave an
 * English {@code netlab}. {@code -Dnetlab.lang} still wins ({@link Lang#current()}).
 *
 * <pre>{@code
 * TerminalLanguage.of(Map.of("LANG", "zh_CN.UTF-8"))   // Optional[ZH]
 * TerminalLanguage.of(Map.of("LC_ALL", "C.UTF-8"))     // Optional[EN]
 * TerminalLanguage.of(Map.of())                        // Optional.empty: Java's locale decides
 * }</pre>
 */
final class TerminalLanguage {

    /** The variable that names netlab's language outright, whatever the locale. */
    static final String VARIABLE = "NETLAB_LANG";
    private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

    private TerminalLanguage() {
    }

    /**
     * What netlab speaks on a terminal whose environment is {@code environment} and whose output is encoded in
     * {@code output}: the language the environment asks for, unless that output cannot show it (a Chinese
     * locale the system lacks leaves Java writing ASCII, and Chinese would print as "???"); empty where it
     * names none or {@code -Dnetlab.lang} is set.
     */
    static Optional<Lang> of(Map<String, String> environment, java.nio.charset.Charset output) {
        return of(environment).filter(lang -> lang != Lang.ZH || output.newEncoder().canEncode("中文"));
    }

    /** The language {@code environment} asks for; empty where it names none or {@code -Dnetlab.lang} is set. */
    static Optional<Lang> of(Map<String, String> environment) {
        if (System.getProperty(Lang.PROPERTY) != null) {
            return Optional.empty();
        }
        Optional<Lang> named = Lang.parse(environment.get(VARIABLE));
        if (named.isPresent()) {
            return named;
        }
        for (String variable : LOCALE_VARIABLES) {
            String locale = environment.get(variable);
            if (locale != null && !locale.isBlank()) {
                return Optional.of(Lang.parse(locale.split("[.@]")[0]).orElse(Lang.EN));
            }
        }
        return Optional.empty();
    }
}
