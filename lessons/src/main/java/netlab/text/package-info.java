/**
 * Every sentence a student reads, in Chinese and English, from one catalogue.
 *
 * <h2>Writing a sentence</h2>
 * Add the key to both files of its area under {@code src/main/resources/netlab/text/} of the module that says it
 * ({@code AREA_zh.properties} and {@code AREA_en.properties}, UTF-8; the key starts with {@code AREA.}), then
 * word it where it is read:
 * <pre>{@code
 * # tftp_en.properties
 * tftp.timeout=no answer from {0} after {1|# try|# tries}
 * # tftp_zh.properties
 * tftp.timeout={0} 没有应答（已重试 {1} 次）
 *
 * throw new TransferTimeoutException(Text.of("tftp.timeout", peer, tries));
 * }</pre>
 * Where the sentence is made in one JVM and read in another (the agent observes, the kernel or the grading JVM
 * words), send a {@link netlab.text.Message} (key and arguments) and word it on the reader's side with
 * {@link netlab.text.Message#in}. The catalogue tests fail when an area, a key or an argument is in one language
 * only ({@link netlab.text.Catalog#problemsIn}).
 *
 * <h2>Which language</h2>
 * {@link netlab.text.Lang#current()}: set by {@code %lang zh|en} ({@link netlab.text.Lang#use}), else the
 * {@code netlab.lang} system property the kernel starts the agent with (from the notebook's
 * {@code metadata.netlab.language}), else the JVM's locale. A JVM that words for many students at once (the
 * grader) passes the language explicitly: {@link netlab.text.Text#in}, {@link netlab.text.Message#in}.
 */
package netlab.text;
