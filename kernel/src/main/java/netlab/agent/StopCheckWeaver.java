package netlab.agent;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LineNumber;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.util.HashSet;
import java.util.Set;

/**
 * Inserts a call to {@link StopCheck#check()} at the start of every method and before every backward
 * branch, so a CPU loop in student code stops when its cell is interrupted (the technique of JDK 25's
 * {@code LocalExecutionControl}, without {@code Thread.stop}).
 */
final class StopCheckWeaver implements CodeTransform {

    private static final ClassDesc STOP_CHECK = ClassDesc.of(StopCheck.class.getName());

    /** Labels already seen in this method: a branch to one of them jumps backwards. */
    private final Set<Label> seen = new HashSet<>();

    /** Returns {@code classFile} with stop checks woven into every method body. */
    static byte[] weave(byte[] classFile) {
        ClassFile cf = ClassFile.of();
        return cf.transformClass(cf.parse(classFile),
                ClassTransform.transformingMethodBodies(CodeTransform.ofStateful(StopCheckWeaver::new)));
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
        switch (element) {
            case LabelTarget target -> seen.add(target.label());
            case BranchInstruction branch when seen.contains(branch.target()) -> check(builder);
            default -> { }
        }
        builder.with(element);
    }

    private static void check(CodeBuilder builder) {
        builder.invokestatic(STOP_CHECK, "check", ConstantDescs.MTD_void);
    }
}
