package netlab.kernel.jshell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One engine (an agent JVM and its JShell, with {@code netlab.display.*} imported) for every test class that
 * asks for a {@link JShellEngine} parameter with {@code @ExtendWith(SharedEngine.class)}; started on first
 * use and closed when the test run ends. Tests sharing it must not depend on a fresh engine's state.
 */
final class SharedEngine implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedEngine.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == JShellEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the root store closes its AutoCloseable values when the run ends
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(JShellEngine.class, type -> start(), JShellEngine.class);
    }

    private static JShellEngine start() {
        try {
            return JShellEngine.start(EngineOptions.defaults().toBuilder()
                    .startup(List.of("import netlab.display.*;")).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
