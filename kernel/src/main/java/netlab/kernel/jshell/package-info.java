/**
 * The Java engine: {@link netlab.kernel.jshell.JShellEngine} implements {@link netlab.kernel.engine.Engine}
 * with JShell compiling in the kernel JVM and student code running in an agent JVM ({@code netlab.agent}).
 *
 * <p>Parts: {@code AgentProcess} starts the agent and says how it died; {@code AgentExecutionProvider} and
 * {@code KernelExecutionControl} are JShell's execution SPI over the agent connection; {@code CellOutput}
 * and {@code StdinBridge} connect the agent's streams to the cell's {@link netlab.kernel.engine.CellIO};
 * {@code CellSplitter} cuts a cell into snippets and joins runs of statements; {@code ErrorReports} maps
 * diagnostics and stack frames to cell lines; {@code CodeAssist} answers completion, inspection and
 * completeness, with the course library's javadoc from {@code LessonsJavadoc} (which reads JShell's
 * signatures through {@code DocTarget}) and comments rendered by {@code JavadocText}.
 */
package netlab.kernel.jshell;
