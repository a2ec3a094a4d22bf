package de.stadtdialog.lottery;

/** Panels number {@code first} to {@code last} (inclusive) of the lottery table all have this composition. */
public record PanelRange(int first, int last, PanelComposition composition) {

    public int size() {
        return last - first + 1;
    }

    public boolean contains(int number) {
        return number >= first && number <= last;
    }
}
