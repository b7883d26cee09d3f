package netlab.runtime;

import netlab.text.Text;

/**
 * Who may wire the course library into a process: code loaded with the library itself (netlab's agent, a
 * test), never a notebook cell, whose classes JShell loads with a class loader of its own. A cell that calls
 * an installer gets an {@link IllegalCallerException} that says so, in the student's language.
 */
public final class Host {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Host() {
    }

    /**
     * Refuses the caller of the method calling this ({@code what}, such as {@code "Display.installSink"})
     * unless it was loaded by the class loader that loaded the course library.
     */
    public static void requireHost(String what) {
        Class<?> caller = WALKER.walk(frames -> frames.skip(2).findFirst()).map(StackWalker.StackFrame::getDeclaringClass)
                .orElseThrow();
        if (caller.getClassLoader() != Host.class.getClassLoader()) {
            throw new IllegalCallerException(Text.of("common.host.only", what));
        }
    }
}
