package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArgsTest {

    private static final Set<String> FLAGS = Set.of("user");
    private static final Set<String> VALUED = Set.of("name", "jvm-option");

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("", Map.of(), List.of()),
                Arguments.of("--user", Map.of("user", List.of("true")), List.of()),
                Arguments.of("--name x", Map.of("name", List.of("x")), List.of()),
                Arguments.of("--name=x y", Map.of("name", List.of("x")), List.of("y")),
                Arguments.of("--jvm-option=-Xmx1g --jvm-option -Dx=1",
                        Map.of("jvm-option", List.of("-Xmx1g", "-Dx=1")), List.of()),
                Arguments.of("a -- --user", Map.of(), List.of("a", "--user")));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parses(String line, Map<String, List<String>> options, List<String> positionals) throws UsageException {
        Args args = Args.parse(line.isEmpty() ? List.of() : List.of(line.split(" ")), FLAGS, VALUED);
        assertEquals(options, args.options());
        assertEquals(positionals, args.positionals());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("--nope", "unknown option --nope; the options are: --jvm-option, --name, --user"),
                Arguments.of("--name", "--name needs a value, as in --name VALUE"),
                Arguments.of("--user=yes", "--user takes no value, but was given 'yes'"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesWithAMessageThatSaysWhatToType(String line, String message) {
        netlab.text.Lang.use(netlab.text.Lang.EN);
        UsageException e = assertThrows(UsageException.class, () -> Args.parse(List.of(line.split(" ")), FLAGS, VALUED));
        assertEquals(message, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aChineseTerminalReadsChinese() {
        try {
            netlab.text.Lang.use(netlab.text.Lang.ZH);
            UsageException e = assertThrows(UsageException.class, () -> Args.parse(List.of("--nope"), FLAGS, VALUED));
            assertEquals("没有选项 --nope；可用的选项是：--jvm-option, --name, --user", e.getMessage());
        } finally {
            netlab.text.Lang.use(netlab.text.Lang.EN);
        }
    }

    @org.junit.jupiter.api.Test
    void lastValueWins() throws UsageException {
        Args args = Args.parse(List.of("--name", "a", "--name", "b"), FLAGS, VALUED);
        assertEquals("b", args.value("name", "z"));
        assertEquals("z", args.value("other", "z"));
    }
}
