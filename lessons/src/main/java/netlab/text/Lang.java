package netlab.text;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a student reads: Chinese first, English second. A notebook names its language in its metadata
 * ({@code metadata.netlab.language}); the kernel starts the agent with {@code -Dnetlab.lang=zh|en} and
 * {@code %lang zh|en} switches a running session.
 *
 * <pre>{@code
 * Lang.current()          // ZH in a Chinese notebook
 * Lang.parse("zh-CN")     // Optional[ZH]
 * }</pre>
 */
public enum Lang {
    ZH("zh"), EN("en");

    /** The system property that names this JVM's language, {@code zh} or {@code en}. */
    public static final String PROPERTY = "netlab.lang";

    private static volatile Lang current = initial();

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    /** The language's tag as notebooks write it: {@code "zh"} or {@code "en"}. */
    public String tag() {
        return tag;
    }

    /**
     * The language of this JVM's student: the reader of the work under way ({@link #readBy}), else the last
     * {@link #use}, else {@value #PROPERTY}, else the JVM's locale (Chinese locales read Chinese, all others English).
     */
    public static Lang current() {
        return READER.isBound() ? READER.get().get() : current;
    }

    /** The reader of the work {@link #readBy} runs on this thread, if any: it comes before {@link #use}. */
    private static final ScopedValue<java.util.function.Supplier<Lang>> READER = ScopedValue.newInstance();

    /**
     * Runs {@code work} on this thread with every sentence it words in {@code reader}'s language at the time:
     * how a JVM serving several students (the grader's), or one whose student switched with {@code %lang}, words
     * a cell's messages for that cell's reader without changing {@link #use} for the others.
     */
    public static <T, X extends Throwable> T readBy(java.util.function.Supplier<Lang> reader,
                                                   ScopedValue.CallableOp<T, X> work) throws X {
        return ScopedValue.where(READER, reader).call(work);
    }

    /**
     * Makes {@code lang} the language of every sentence this JVM words from now on: what {@code %lang} does.
     * It changes only which words are chosen, so a cell calling it harms nobody but its own reader.
     */
    public static void use(Lang lang) {
        current = java.util.Objects.requireNonNull(lang, "lang");
    }

    /**
     * The language a tag names: {@code zh}, {@code zh-CN}, {@code zh_Hans}, {@code cn}, {@code 中文} are Chinese;
     * {@code en}, {@code en-US}, {@code English} English; anything else is empty.
     */
    public static Optional<Lang> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("zh") || t.startsWith("zh-") || t.equals("cn") || t.equals("chinese") || t.equals("中文")) {
            return Optional.of(ZH);
        }
        if (t.equals("en") || t.startsWith("en-") || t.equals("english")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /**
     * The JDK's locale for this language, for text the JDK words itself (javac's diagnostics read
     * {@code 找不到符号} in {@link Locale#SIMPLIFIED_CHINESE}).
     */
    public Locale locale() {
        return this == ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    private static Lang initial() {
        return parse(System.getProperty(PROPERTY)).orElseGet(
                () -> parse(Locale.getDefault().getLanguage()).orElse(EN));
    }
}
