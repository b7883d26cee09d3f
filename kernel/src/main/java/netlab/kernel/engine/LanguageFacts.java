package netlab.kernel.engine;

import java.util.List;

/** What {@code kernel_info_reply} says about the language; links are (text, url) pairs. */
public record LanguageFacts(String name, String version, String mimetype, String fileExtension,
                            String codemirrorMode, String pygmentsLexer, String banner,
                            List<HelpLink> helpLinks) {

    public LanguageFacts {
        helpLinks = List.copyOf(helpLinks);
    }

    public record HelpLink(String text, String url) {
    }
}
