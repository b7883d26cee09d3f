package netlab.exercise;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The probes of an exercise's hidden cases as they travel from the grading JVM to a grading agent: serialized
 * {@link Probe} lambdas, which carry the case's <em>inputs</em> (what the lambda captured) and a reference to
 * its code in the lessons, and nothing else. The expected value is an argument of {@link Case.Builder#expect},
 * never captured by the probe, so it stays in the grading JVM; the agent gets no grader class and no jar.
 *
 * <p>So a hidden case's probe must be made by code in the lessons (a factory such as
 * {@code UdpExercises.portKindCase(1023, "well-known")}): a lambda written in the grader's jar names a class the
 * agent does not have. {@link #encode} refuses one, saying so.
 */
final class HiddenProbes {

    /** Serialized probes are small (a few inputs each); anything much bigger is not ours. */
    private static final long MAX_BYTES = 4 << 20;

    private HiddenProbes() {
    }

    /** Base64 of the probes of {@code cases}, in order; "" when there are none. */
    static String encode(Exercise<?> exercise, List<? extends Case<?>> cases) {
        if (cases.isEmpty()) {
            return "";
        }
        CodeSource lessons = codeSource(HiddenProbes.class);
        List<Probe<?>> probes = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Probe<?> probe = cases.get(i).probe();
            Class<?> home = probe.getClass().getNestHost();
            if (!Objects.equals(codeSource(home), lessons)) {
                throw new IllegalStateException("hidden case " + (i + 1) + " of '" + exercise.id() + "' has a probe "
                        + "written in " + home.getName() + ", outside the lessons; a grading agent cannot run it. "
                        + "Make the case with a factory in netlab.course, as the public cases are made");
            }
            probes.add(probe);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(probes);
        } catch (NotSerializableException e) {
            throw new IllegalStateException("a hidden case of '" + exercise.id() + "' captures a " + e.getMessage()
                    + ", which cannot travel to the grading agent; capture only strings, numbers, arrays, lists and "
                    + "records that implement Serializable", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The probes {@link #encode} wrote; only lambdas of the lessons and plain JDK values are accepted. */
    @SuppressWarnings("unchecked") // the grading JVM encoded the probes of this exercise's answer type
    static <A> List<Probe<A>> decode(String encoded) {
        if (encoded.isEmpty()) {
            return List.of();
        }
        byte[] bytes = Base64.getDecoder().decode(encoded);
        try (ObjectInputStream in = new LessonsObjectInput(new ByteArrayInputStream(bytes))) {
            return (List<Probe<A>>) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("the hidden cases could not be read in this JVM: " + e, e);
        }
    }

    private static CodeSource codeSource(Class<?> c) {
        return c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
    }

    /** Resolves classes through the lessons' loader and lets through nothing but what probes are made of. */
    private static final class LessonsObjectInput extends ObjectInputStream {
        LessonsObjectInput(ByteArrayInputStream in) throws IOException {
            super(in);
            setObjectInputFilter(info -> {
                if (info.streamBytes() > MAX_BYTES || info.depth() > 32) {
                    return ObjectInputFilter.Status.REJECTED;
                }
                Class<?> c = info.serialClass();
                while (c != null && c.isArray()) {
                    c = c.getComponentType();
                }
                if (c == null || c.isPrimitive()) {
                    return ObjectInputFilter.Status.UNDECIDED;
                }
                String name = c.getName();
                return name.startsWith("java.lang.") || name.startsWith("java.util.") || name.startsWith("netlab.")
                        ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
            });
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, HiddenProbes.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                Class<?> c = super.resolveClass(desc); // primitives and arrays of them
                if (c == null) {
                    throw new InvalidClassException(desc.getName());
                }
                return c;
            }
        }
    }
}
