package netlab.kernel.jshell;

/**
 * One unit of a cell that is evaluated as one JShell snippet: {@code cell[start, end)} possibly wrapped.
 * A snippet position {@code p} maps to cell offset {@code start + p - prefix}.
 *
 * @param start          cell offset of the first character evaluated (after leading blanks)
 * @param end            cell offset just past the piece
 * @param source         the text given to JShell
 * @param prefix         characters added before the cell text ({@code "{"} of a grouped block)
 * @param endsWithSemicolon whether the student ended it with {@code ;} (which hides an expression's value)
 * @param complete       false when the cell ends in the middle of this piece
 * @param grouped        whether several statements were joined into one block
 */
record Piece(int start, int end, String source, int prefix, boolean endsWithSemicolon, boolean complete,
             boolean grouped) {

    /** The cell offset of snippet position {@code p}. */
    int cellOffset(int p) {
        return Math.max(start, start + p - prefix);
    }
}
