package netlab.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.Test;

class CatalogEnglishTest {

    @Test
    void findsEnglishSentencesWithTheirArgumentsButNotTheirChineseTexts() throws IOException {
        CatalogEnglish english = CatalogEnglish.load();
        assertTrue(english.find("公开检查通过 3/3 · 2 hidden checks run when graded").isPresent());
        assertEquals(Optional.of("check.not.answered: not answered yet"),
                english.find("  ✘ greet — not answered yet\n").map(s -> s.replaceFirst("^check\\.summary\\.", "check.")));
        assertTrue(english.find(Text.in(Lang.EN, "compile.cant.resolve", "cuont")).isPresent());
        assertEquals(Optional.empty(), english.find(Text.in(Lang.ZH, "compile.cant.resolve", "cuont")));
        assertEquals(Optional.empty(), english.find(Text.in(Lang.ZH, "check.summary.hidden",
                Text.in(Lang.ZH, "check.summary.public", 3, 3), 2)));
        assertEquals(Optional.empty(), english.find("System.out.println(\"Hello, world\"); 1 s yes"));
    }

    /** What a peer said in its ERROR packet is its words, shown as they came; the library's own reasons are not. */
    @Test
    void aTftpReasonAsThePeerSentItIsNotFlaggedButTheLibrarysOwnSentencesAre() throws IOException {
        CatalogEnglish english = CatalogEnglish.load();
        String peer = Text.in(Lang.EN, "tftp.reason.files.none", "'missing.txt'");
        assertEquals(Optional.empty(), english.find(Text.in(Lang.ZH, "tftp.peer.error", 1, "File not found", peer)));
        assertTrue(english.find(Text.in(Lang.EN, "tftp.peer.error", 1, "File not found", peer)).isPresent());
    }
}
