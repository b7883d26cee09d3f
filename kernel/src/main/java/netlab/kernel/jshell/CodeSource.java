package netlab.kernel.jshell;

import netlab.text.Lang;
import netlab.text.Text;

/**
 * Where code a cell runs was written, as its errors name their lines: the cell itself ("cell line 3, column 5"), or a
 * file the cell's {@code %load} read ("helpers.jsh, line 3, column 5"), whose lines are its own and not the cell's.
 *
 * <pre>{@code
 * CodeSource.CELL.line(Lang.ZH, 3)                     // 单元格第 3 行
 * CodeSource.loaded("helpers.jsh").line(Lang.EN, 3)   // helpers.jsh, line 3
 * }</pre>
 */
sealed interface CodeSource {

    CodeSource CELL = new Cell();

    static CodeSource loaded(String file) {
        return new Loaded(file);
    }

    /** A place as a compile error's headline starts: line and column (from 1), then {@code text}. */
    String at(Lang lang, int line, int column, String text);

    /** A line, as a stack frame or a note names it. */
    String line(Lang lang, int line);

    /** The note that lines 1 to {@code lastRan} ran before a compile error after them. */
    String ranBefore(Lang lang, int lastRan);

    /** The cell's own code. */
    record Cell() implements CodeSource {
        @Override
        public String at(Lang lang, int line, int column, String text) {
            return Text.in(lang, "compile.at", line, column, text);
        }

        @Override
        public String line(Lang lang, int line) {
            return Text.in(lang, "kernel.place.line", line);
        }

        @Override
        public String ranBefore(Lang lang, int lastRan) {
            return lastRan == 1 ? Text.in(lang, "kernel.compile.ran.before.one")
                    : Text.in(lang, "kernel.compile.ran.before.many", lastRan);
        }
    }

    /** A file {@code %load} read for the cell, by the name the cell gave it. */
    record Loaded(String file) implements CodeSource {
        @Override
        public String at(Lang lang, int line, int column, String text) {
            return Text.in(lang, "compile.at.file", file, line, column, text);
        }

        @Override
        public String line(Lang lang, int line) {
            return Text.in(lang, "kernel.place.file.line", file, line);
        }

        @Override
        public String ranBefore(Lang lang, int lastRan) {
            return Text.in(lang, "kernel.compile.ran.before.file", file, lastRan);
        }
    }
}
