package netlab.agent;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites student bytecode so the agent knows what each cell opens ({@link Ownership}): after
 * {@code new ServerSocket(...)}, {@code new Socket(...)}, {@code new DatagramSocket(...)}, the {@code open()}
 * factories of the NIO channels and {@link java.nio.channels.Selector}, and {@code Executors.new...()}, the
 * new object is passed to {@link Track#opened}; thread starts go through {@link Track}, which also caps them.
 * So are the child processes of {@code ProcessBuilder.start()}, {@code ProcessBuilder.startPipeline(...)} and
 * {@code Runtime.exec(...)}: an interrupt or a re-run of the cell ends them and their descendants
 * ({@link ProcessTree}), which frees the ports they hold.
 */
final class ResourceWeaver implements CodeTransform {

    private static final ClassDesc TRACK = ClassDesc.of(Track.class.getName());
    private static final ClassDesc THREAD = ClassDesc.of("java.lang.Thread");
    private static final ClassDesc BUILDER = ClassDesc.of("java.lang.Thread$Builder");
    private static final ClassDesc RUNNABLE = ClassDesc.of("java.lang.Runnable");
    private static final MethodTypeDesc OPENED = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_Object);

    /** Classes whose constructor calls are followed by {@link Track#opened}. */
    private static final Set<String> CONSTRUCTED = Set.of("java.net.Socket", "java.net.ServerSocket",
            "java.net.DatagramSocket", "java.net.MulticastSocket", "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor");

    /** Classes whose static {@code open(...)} results are tracked. */
    private static final Set<String> OPENED_BY_FACTORY = Set.of("java.nio.channels.ServerSocketChannel",
            "java.nio.channels.SocketChannel", "java.nio.channels.DatagramChannel", "java.nio.channels.Selector",
            "java.nio.channels.AsynchronousServerSocketChannel", "java.nio.channels.AsynchronousSocketChannel");

    private static final Set<String> BUILDERS = Set.of("java.lang.Thread$Builder",
            "java.lang.Thread$Builder$OfVirtual", "java.lang.Thread$Builder$OfPlatform");

    /** {@code new X} instructions of tracked classes whose constructor call is still to come. */
    private final Map<String, Integer> pendingNew = new HashMap<>();

    @Override
    public void accept(CodeBuilder builder, CodeElement element) {
        switch (element) {
            case NewObjectInstruction n when CONSTRUCTED.contains(name(n.className().asSymbol())) -> {
                pendingNew.merge(name(n.className().asSymbol()), 1, Integer::sum);
                builder.with(element);
            }
            case InvokeInstruction i -> invoke(builder, i);
            default -> builder.with(element);
        }
    }

    private void invoke(CodeBuilder builder, InvokeInstruction i) {
        String owner = name(i.owner().asSymbol());
        String method = i.name().stringValue();
        Opcode op = i.opcode();
        if (op == Opcode.INVOKESPECIAL && method.equals("<init>") && pendingNew.getOrDefault(owner, 0) > 0) {
            // after new X; dup; args; invokespecial X.<init> one reference to the new object is left
            pendingNew.merge(owner, -1, Integer::sum);
            builder.with(i);
            trackTop(builder);
        } else if (op == Opcode.INVOKESTATIC && method.equals("open") && OPENED_BY_FACTORY.contains(owner)) {
            builder.with(i);
            trackTop(builder);
        } else if (op == Opcode.INVOKESTATIC && owner.equals("java.util.concurrent.Executors")
                && method.startsWith("new") && i.typeSymbol().returnType().displayName().endsWith("ExecutorService")) {
            builder.with(i);
            trackTop(builder);
        } else if (op == Opcode.INVOKEVIRTUAL && owner.equals("java.lang.Thread") && method.equals("start")
                && i.typeSymbol().parameterCount() == 0) {
            builder.invokestatic(TRACK, "start", MethodTypeDesc.of(ConstantDescs.CD_void, THREAD));
        } else if (op == Opcode.INVOKEINTERFACE && BUILDERS.contains(owner) && method.equals("start")
                && i.typeSymbol().parameterCount() == 1) {
            builder.invokestatic(TRACK, "start", MethodTypeDesc.of(THREAD, BUILDER, RUNNABLE));
        } else if ((op == Opcode.INVOKEVIRTUAL && owner.equals("java.lang.ProcessBuilder") && method.equals("start"))
                || (op == Opcode.INVOKEVIRTUAL && owner.equals("java.lang.Runtime") && method.equals("exec"))) {
            builder.with(i);
            trackTop(builder);
        } else if (op == Opcode.INVOKESTATIC && owner.equals("java.lang.ProcessBuilder") && method.equals("startPipeline")) {
            builder.with(i);
            builder.dup();
            builder.invokestatic(TRACK, "startedPipeline", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_List));
        } else if (op == Opcode.INVOKESTATIC && owner.equals("java.lang.Thread")
                && method.equals("startVirtualThread")) {
            builder.invokestatic(TRACK, "startVirtualThread", MethodTypeDesc.of(THREAD, RUNNABLE));
        } else {
            builder.with(i);
        }
    }

    private static void trackTop(CodeBuilder builder) {
        builder.dup();
        builder.invokestatic(TRACK, "opened", OPENED);
    }

    /** "java.net.Socket" for a class descriptor (nested classes keep their '$'). */
    private static String name(ClassDesc d) {
        String desc = d.descriptorString();
        return desc.startsWith("L") ? desc.substring(1, desc.length() - 1).replace('/', '.') : desc;
    }
}
