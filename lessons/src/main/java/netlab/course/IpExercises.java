package netlab.course;

import netlab.exercise.*;
import java.util.List;
import netlab.text.Message;

/**
 * The exercises of the IPv4 addressing chapter, with their public cases. Hidden cases are in the grader's jar.
 *
 * <pre>{@code
 * String classOf(String ip) { ... }                                   // the student's answer cell
 * Check.ipClassOf(ip -> classOf(ip));                               // the check cell
 * }</pre>
 */
public final class IpExercises implements ExerciseSet {

    /** The answer of {@code ip.class-of}: the class letter A–E of a dotted IPv4 address. */
    @FunctionalInterface
    public interface ClassOf {
        String classOf(String ip) throws Exception;
    }

    /** The answer of {@code ip.same-subnet}: whether {@code a} and {@code b} share the same /{@code prefix} network. */
    @FunctionalInterface
    public interface SameSubnet {
        boolean sameSubnet(String a, String b, int prefix) throws Exception;
    }


    /** {@code ip.class-of}: four public cases, one per class A–D. */
    public static final Exercise<ClassOf> CLASS_OF = Exercise.of("ip.class-of", Message.of("course.ip.class-of.title"), ClassOf.class)
            .add(classCase("10.1.2.3", "A"))
            .add(classCase("172.16.0.1", "B"))
            .add(classCase("192.168.1.1", "C"))
            .add(classCase("224.0.0.251", "D"))
            .hiddenCases(3)
            .build();

    /** {@code ip.same-subnet}: three public cases (/24 same, /24 different, /30 boundary). */
    public static final Exercise<SameSubnet> SAME_SUBNET = Exercise.of("ip.same-subnet",
                    Message.of("course.ip.same-subnet.title"), SameSubnet.class)
            .add(subnetCase("192.168.1.10", "192.168.1.200", 24, true))
            .add(subnetCase("192.168.1.10", "192.168.2.10", 24, false))
            .add(subnetCase("10.0.0.1", "10.0.0.6", 30, false))
            .hiddenCases(3)
            .build();

    /** A case of {@code ip.class-of}: {@code classOf(ip)} is {@code expected}; the grader's hidden cases use it too. */
    public static Case<ClassOf> classCase(String ip, String expected) {
        return Case.<ClassOf>named("classOf(\"" + ip + "\")")
                .failure(Message.of("course.ip.class-of.failure", ip))
                .hint(Message.of("course.ip.class-of.hint"))
                .expect(expected, a -> a.classOf(ip));
    }

    /** A case of {@code ip.same-subnet}; the grader's hidden cases use it too. */
    public static Case<SameSubnet> subnetCase(String a, String b, int prefix, boolean expected) {
        return Case.<SameSubnet>named("sameSubnet(\"" + a + "\", \"" + b + "\", " + prefix + ")")
                .hint(Message.of("course.ip.same-subnet.hint"))
                .expect(expected, s -> s.sameSubnet(a, b, prefix));
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(CLASS_OF, SAME_SUBNET);
    }
}
