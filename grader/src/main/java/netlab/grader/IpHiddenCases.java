package netlab.grader;

import static netlab.course.IpExercises.classCase;
import static netlab.course.IpExercises.subnetCase;

import java.util.List;
import netlab.course.IpExercises.ClassOf;
import netlab.course.IpExercises.SameSubnet;
import netlab.exercise.HiddenCaseSet;
import netlab.exercise.HiddenCases;

/**
 * Hidden cases of the IPv4 chapter: the edges a solution fitted to the public cases gets wrong (the class
 * boundaries 127/128 and 239/240; /0 and /32; a mask that is not a whole octet). Made by the lessons' own case
 * factories, whose probes the grading agent can run; the expected values here never leave the grading JVM.
 */
public final class IpHiddenCases implements HiddenCaseSet {

    static final HiddenCases<ClassOf> CLASS_OF = new HiddenCases<>("ip.class-of", ClassOf.class, List.of(
            classCase("127.255.255.255", "A"),
            classCase("128.0.0.0", "B"),
            classCase("240.0.0.1", "E")));

    static final HiddenCases<SameSubnet> SAME_SUBNET = new HiddenCases<>("ip.same-subnet", SameSubnet.class, List.of(
            subnetCase("10.1.2.3", "172.16.0.1", 0, true),
            subnetCase("10.0.0.1", "10.0.0.1", 32, true),
            subnetCase("172.16.5.1", "172.16.12.9", 21, false)));

    @Override
    public List<HiddenCases<?>> hiddenCases() {
        return List.of(CLASS_OF, SAME_SUBNET);
    }
}
