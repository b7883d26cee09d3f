package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a CSV file the grader wrote, as a spreadsheet would: it must start with the byte-order mark. */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** The file's text after its byte-order mark, which must be there. */
    public static String text(Path csv) throws IOException {
        String text = Files.readString(csv);
        assertTrue(text.startsWith(GradeReports.BYTE_ORDER_MARK), csv + " starts without a byte-order mark");
        return text.substring(GradeReports.BYTE_ORDER_MARK.length());
    }

    /** The file's lines after its byte-order mark, which must be there. */
    public static List<String> lines(Path csv) throws IOException {
        return text(csv).lines().toList();
    }
}
