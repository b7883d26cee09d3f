package netlab.agent;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Opcode;
import java.lang.classfile.constantpool.ConstantPool;
import java.lang.classfile.constantpool.InterfaceMethodRefEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.MethodRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.List;
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

    /** Classes (internal names) whose constructor calls are followed by {@link Track#opened}. */
    private static final Set<String> CONSTRUCTED = Set.of("java/net/Socket", "java/net/ServerSocket",
            "java/net/DatagramSocket", "java/net/MulticastSocket", "java/util/concurrent/ThreadPoolExecutor",
            "java/util/concurrent/ScheduledThreadPoolExecutor");

    /** Classes whose static {@code open(...)} results are tracked. */
    private static final Set<String> OPENED_BY_FACTORY = Set.of("java/nio/channels/ServerSocketChannel",
            "java/nio/channels/SocketChannel", "java/nio/channels/DatagramChannel", "java/nio/channels/Selector",
            "java/nio/channels/AsynchronousServerSocketChannel", "java/nio/channels/AsynchronousSocketChannel");

    private static final Set<String> BUILDERS = Set.of("java/lang/Thread$Builder",
            "java/lang/Thread$Builder$OfVirtual", "java/lang/Thread$Builder$OfPlatform");

    /** The opcodes a method reference can be called with. */
    private static final List<Opcode> CALLS = List.of(Opcode.INVOKESTATIC, Opcode.INVOKEVIRTUAL,
            Opcode.INVOKEINTERFACE, Opcode.INVOKESPECIAL);

    /** {@code new X} instructions of tracked classes whose constructor call is still to come. */
    private final Map<String, Integer> pendingNew = new HashMap<>();

    @Override
    public void accept(CodeBuilder builder, CodeElement element) {
        switch (element) {
            case NewObjectInstruction n when CONSTRUCTED.contains(n.className().asInternalName()) -> {
                pendingNew.merge(n.className().asInternalName(), 1, Integer::sum);
                builder.with(element);
            }
            case InvokeInstruction i -> invoke(builder, i);
            default -> builder.with(element);
        }
    }

    /** What this weaver does with a call. */
    private enum Rewrite {
        /** Nothing: the call stays as it is. */
        NONE,
        /** A tracked class's constructor: its object is tracked if its {@code new} was seen. */
        CONSTRUCTOR,
        /** A factory of tracked objects: its result is tracked. */
        RESULT,
        /** {@code Thread.start()}: through {@link Track#start(Thread)}. */
        THREAD_START,
        /** {@code Thread.Builder.start(Runnable)}: through {@link Track#start(Thread.Builder, Runnable)}. */
        BUILDER_START,
        /** {@code Thread.startVirtualThread(Runnable)}: through {@link Track#startVirtualThread}. */
        VIRTUAL_START,
        /** {@code ProcessBuilder.startPipeline(...)}: its processes through {@link Track#startedPipeline}. */
        PIPELINE
    }

    /**
     * Whether this weaver would change a call in a class with this constant pool: whether it holds a method
     * reference that some call instruction would be rewritten for (a pool may hold more than the code calls).
     */
    static boolean mayRewrite(ConstantPool pool) {
        for (PoolEntry entry : pool) {
            if (entry instanceof MethodRefEntry || entry instanceof InterfaceMethodRefEntry) {
                for (Opcode call : CALLS) {
                    if (rewriteOf(call, (MemberRefEntry) entry) != Rewrite.NONE) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Rewrite rewriteOf(Opcode call, MemberRefEntry ref) {
        String owner = ref.owner().asInternalName();
        String method = ref.name().stringValue();
        return switch (call) {
            case INVOKESPECIAL -> method.equals(ConstantDescs.INIT_NAME) && CONSTRUCTED.contains(owner)
                    ? Rewrite.CONSTRUCTOR : Rewrite.NONE;
            case INVOKESTATIC -> {
                if (method.equals("open") && OPENED_BY_FACTORY.contains(owner)) {
                    yield Rewrite.RESULT;
                } else if (owner.equals("java/util/concurrent/Executors") && method.startsWith("new")
                        && type(ref).returnType().displayName().endsWith("ExecutorService")) {
                    yield Rewrite.RESULT;
                } else if (owner.equals("java/lang/ProcessBuilder") && method.equals("startPipeline")) {
                    yield Rewrite.PIPELINE;
                } else if (owner.equals("java/lang/Thread") && method.equals("startVirtualThread")) {
                    yield Rewrite.VIRTUAL_START;
                }
                yield Rewrite.NONE;
            }
            case INVOKEVIRTUAL -> {
                if (owner.equals("java/lang/Thread") && method.equals("start") && type(ref).parameterCount() == 0) {
                    yield Rewrite.THREAD_START;
                } else if ((owner.equals("java/lang/ProcessBuilder") && method.equals("start"))
                        || (owner.equals("java/lang/Runtime") && method.equals("exec"))) {
                    yield Rewrite.RESULT;
                }
                yield Rewrite.NONE;
            }
            case INVOKEINTERFACE -> BUILDERS.contains(owner) && method.equals("start")
                    && type(ref).parameterCount() == 1 ? Rewrite.BUILDER_START : Rewrite.NONE;
            default -> Rewrite.NONE;
        };
    }

    private static MethodTypeDesc type(MemberRefEntry ref) {
        return MethodTypeDesc.ofDescriptor(ref.type().stringValue());
    }

    private void invoke(CodeBuilder builder, InvokeInstruction i) {
        switch (rewriteOf(i.opcode(), i.method())) {
            case CONSTRUCTOR -> {
                String owner = i.owner().asInternalName();
                builder.with(i);
                if (pendingNew.getOrDefault(owner, 0) > 0) {
                    // after new X; dup; args; invokespecial X.<init> one reference to the new object is left
                    pendingNew.merge(owner, -1, Integer::sum);
                    trackTop(builder);
                }
            }
            case RESULT -> {
                builder.with(i);
                trackTop(builder);
            }
            case THREAD_START -> builder.invokestatic(TRACK, "start", MethodTypeDesc.of(ConstantDescs.CD_void, THREAD));
            case BUILDER_START -> builder.invokestatic(TRACK, "start", MethodTypeDesc.of(THREAD, BUILDER, RUNNABLE));
            case VIRTUAL_START -> builder.invokestatic(TRACK, "startVirtualThread",
                    MethodTypeDesc.of(THREAD, RUNNABLE));
            case PIPELINE -> {
                builder.with(i);
                builder.dup();
                builder.invokestatic(TRACK, "startedPipeline",
                        MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_List));
            }
            case NONE -> builder.with(i);
        }
    }

    private static void trackTop(CodeBuilder builder) {
        builder.dup();
        builder.invokestatic(TRACK, "opened", OPENED);
    }
}
