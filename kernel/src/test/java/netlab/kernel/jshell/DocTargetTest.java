package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JShell's documentation signatures (as JShell 25 prints them) read as a class and member. */
class DocTargetTest {

    @Test
    void methodOfASimplyNamedClass() {
        assertEquals(Optional.of(new DocTarget("Udp", "send", List.of("String", "String", "int"))),
                DocTarget.parse("int Udp.send(String text, String host, int port)"));
    }

    @Test
    void methodOfARecordWhoseHeaderCarriesItsComponents() {
        assertEquals(Optional.of(new DocTarget("Ipv4", "parse", List.of("String"))),
                DocTarget.parse("Ipv4 Ipv4(int bits).parse(String text)"));
        assertEquals(Optional.of(new DocTarget("Html", "of", List.of("String", "String"))),
                DocTarget.parse("Html Html(java.lang.String html, java.lang.String text).of(String html, String text)"));
    }

    @Test
    void parameterTypesLoseGenericsPackagesAndVarargs() {
        assertEquals(Optional.of(new DocTarget("netlab.display.Table", "rows",
                        List.of("List", "byte[]", "Entry", "String[]"))),
                DocTarget.parse("java.util.Map<String, Integer> netlab.display.Table.rows(java.util.List<java.util.Map<K, V>> a, "
                        + "byte[] b, Map.Entry<K, V> e, String... more)"));
    }

    @Test
    void constructorsClassesFieldsAndGenericMethods() {
        assertEquals(Optional.of(new DocTarget("Table", DocTarget.CONSTRUCTOR, List.of("String[]"))),
                DocTarget.parse("Table(String... columns)"));
        assertEquals(Optional.of(new DocTarget("Box", DocTarget.CONSTRUCTOR, List.of("T"))),
                DocTarget.parse("<T> Box(T value)"));
        assertEquals(Optional.of(new DocTarget("Ipv4", DocTarget.CONSTRUCTOR, List.of("int"))),
                DocTarget.parse("Ipv4(int bits)(int bits)"));
        assertEquals(Optional.of(new DocTarget("netlab.net.Udp", null, null)), DocTarget.parse("netlab.net.Udp"));
        assertEquals(Optional.of(new DocTarget("Box", null, null)), DocTarget.parse("Box<T>"));
        assertEquals(Optional.of(new DocTarget("Tftp", "PORT", null)), DocTarget.parse("Tftp.PORT:int"));
        assertEquals(Optional.of(new DocTarget("Values", "of", List.of("T[]"))),
                DocTarget.parse("java.util.List<T> Values.<T>of(T... items)"));
    }

    @Test
    void anEnumConstantReadsAsAClassUntilAskedAsAMember() {
        DocTarget octet = DocTarget.parse("Mode.OCTET").orElseThrow();
        assertEquals(new DocTarget("Mode.OCTET", null, null), octet);
        assertEquals(Optional.of(new DocTarget("Mode", "OCTET", null)), octet.asMember());
    }

    @Test
    void localVariablesAndNonsenseNameNothing() {
        assertEquals(Optional.empty(), DocTarget.parse("x:int"));
        assertEquals(Optional.empty(), DocTarget.parse("1 + (2)"));
        assertEquals(Optional.empty(), DocTarget.parse(""));
    }
}
