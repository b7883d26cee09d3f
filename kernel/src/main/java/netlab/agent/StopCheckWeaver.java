package netlab.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LineNumber;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Inserts a call to {@link StopCheck#check()} at the start of every method and before every backward
 * branch, so a CPU loop in student code stops when its cell is interrupted (the technique of JDK 25's
 * {@code LocalExecutionControl}, without {@code Thread.stop}).
 */
final class StopCheckWeaver implements CodeTransform {

    private static final ClassDesc STOP_CHECK = ClassDesc.of(StopCheck.class.getName());
    /** The internal name JShell's snippet wrappers start with; a class declared in a snippet adds {@code $Name}. */
    private static final String WRAPPER_PREFIX = "REPL/$JShell$";

    /** Labels already seen in this method: a branch to one of them jumps backwards. */
    private final Set<Label> seen = new HashSet<>();

    /**
     * Returns {@code classFile} with stop checks woven into every method body, and the resource tracking of
     * {@link ResourceWeaver}; a snippet's wrapper that needs neither ({@link #needsNothing}) as it came.
     */
    static byte[] weave(byte[] classFile) {
        ClassFile cf = ClassFile.of();
        ClassModel model = cf.parse(classFile);
        if (needsNothing(model)) {
            return classFile;
        }
        return cf.transformClass(model,
                ClassTransform.transformingMethodBodies(CodeTransform.ofStateful(StopCheckWeaver::new)
                        .andThen(CodeTransform.ofStateful(ResourceWeaver::new))));
    }

    /**
     * Weaves a small class of the agent's own on a thread of its own and drops the result, while the kernel still
     * compiles its start-up imports: the kernel's start no longer weaves (its warm-up's value needs nothing), and
     * the class-file API's first transform, run cold, would otherwise land on the first cell with a loop: 3 s after
     * kernel_info, a loop's cell took 39 against 56 ms, then a method's 43 against 51 ms (10 kernels each,
     * alternating).
     */
    static void warmUpInBackground() {
        Thread.ofPlatform().daemon().name("netlab-weaver-warm-up").inheritInheritableThreadLocals(false).start(() -> {
            try (InputStream in = StopCheckWeaver.class.getResourceAsStream("StopCheckWeaver$WarmUp.class")) {
                weave(in.readAllBytes());
            } catch (IOException | RuntimeException e) {
                // only a warm-up: the first cell that needs weaving pays for it instead
            }
        });
    }

    /** What the warm-up weaves: a loop, as in a student's cell (a larger class kept 6 MB more of the agent's RSS). */
    private static final class WarmUp {
        static int sum(int[] values) {
            int sum = 0;
            for (int v : values) {
                sum += v;
            }
            return sum;
        }
    }

    /**
     * Whether {@code model} is a snippet's wrapper (JShell's {@code REPL.$JShell$12}, or the kernel's for a value)
     * whose methods are only its {@code do_it$} and javac's default constructor, none with a loop or anything
     * {@link ResourceWeaver} tracks: a value, a variable's initialiser, a call. The agent calls {@code do_it$} once
     * per snippet and checks for a stop before and after it, so a check at its entry stops nothing; whatever it
     * calls that loops or recurses has checks of its own, and a loop in it is woven. Most cells are such wrappers:
     * rebuilding one is the class-file API's parse, transform and stack maps on every load, and the C2 compiles of
     * that code. Measured ({@code 1 + 1}, 10 kernels each, alternating, against the build that wove every class):
     * trivial cells 31-60 / 61-200 / 201-400 13.1 / 10.6 / 8.9 against 14.0 / 11.5 / 9.9 ms, the agent's CPU per
     * cell in cells 201-400 2.35 against 2.92 ms.
     */
    static boolean needsNothing(ClassModel model) {
        String name = model.thisClass().asInternalName();
        if (!name.startsWith(WRAPPER_PREFIX) || name.indexOf('$', WRAPPER_PREFIX.length()) >= 0) {
            return false; // not a wrapper, or a class declared in one
        }
        for (MethodModel method : model.methods()) {
            String methodName = method.methodName().stringValue();
            if (!methodName.equals("do_it$") && !methodName.equals(ConstantDescs.INIT_NAME)) {
                return false;
            }
            Optional<CodeModel> code = method.code();
            // javac's code with no stack map frame has no branch target (the verifier needs one at each)
            if (code.isPresent() && code.get().findAttribute(Attributes.stackMapTable()).isPresent()) {
                StopCheckWeaver branches = new StopCheckWeaver();
                for (CodeElement element : code.get()) {
                    if (branches.jumpsBack(element)) {
                        return false;
                    }
                }
            }
        }
        return !ResourceWeaver.mayRewrite(model.constantPool());
    }

    /** Whether the method-entry check is in place yet. */
    private boolean entryChecked;

    @Override
    public void accept(CodeBuilder builder, CodeElement element) {
        // The entry check goes after the method's first line number, so an error thrown there (a stack
        // overflow in deep recursion) names the method's first line, not its declaration.
        if (!entryChecked) {
            if (element instanceof LineNumber) {
                builder.with(element);
                check(builder);
                entryChecked = true;
                return;
            }
            if (element instanceof Instruction) {
                check(builder);
                entryChecked = true;
            }
        }
        if (jumpsBack(element)) {
            check(builder);
        }
        builder.with(element);
    }

    /** Whether {@code element} branches back to a label this method has passed; notes the labels it passes. */
    private boolean jumpsBack(CodeElement element) {
        switch (element) {
            case LabelTarget target -> {
                seen.add(target.label());
                return false;
            }
            case BranchInstruction branch -> {
                return seen.contains(branch.target());
            }
            default -> {
                return false;
            }
        }
    }

    private static void check(CodeBuilder builder) {
        builder.invokestatic(STOP_CHECK, "check", ConstantDescs.MTD_void);
    }
}
