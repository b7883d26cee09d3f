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
 * The notebook's {@code metadata.netlab.language} decides. The Jupyter kernel reads it at start from the notebook
 * {@code JPY_SESSION_NAME} names (jupyter_server 2.x sets it); {@code netlab run}, {@code validate} and
 * {@code grade} read it from the notebook they were given (the grader each student's own, else the lesson's).
 * The kernel starts the agent with {@code -Dnetlab.lang}; {@code %lang zh|en} switches both (in the agent
 * through {@link netlab.text.Lang#use}), and is how a front end that does not name the notebook (Notebook 6,
 * nbclient) gets Chinese: put it in the chapter's first code cell. Without any of these, the JVM's locale.
 * In the agent {@link netlab.text.Lang#current()} is the student's language; a JVM that words for many students
 * at once (the grader) passes it explicitly: {@link netlab.text.Text#in}, {@link netlab.text.Message#in}.
 *
 * <h2>Where the areas are</h2>
 * In the lessons: {@code common}, {@code check} (the check table), {@code display}, {@code exception} (one
 * sentence for the exceptions beginners meet most, said both where a cell throws and where a check's answer does:
 * {@link netlab.text.ExceptionExplanation}). In the kernel:
 * {@code compile} (one sentence above javac's text for the mistakes beginners make most), {@code kernel}
 * (tracebacks, notes, magics, input), {@code cli} ({@code netlab run}/{@code validate} lines, graded feedback
 * pages). The Chinese javadoc shown on Shift-Tab is not an area: it lives in
 * {@code netlab/javadoc/javadoc_zh.properties}, keyed by class and member (the English is the javadoc itself).
 */
package netlab.text;
