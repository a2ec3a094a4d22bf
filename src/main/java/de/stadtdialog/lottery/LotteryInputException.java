package de.stadtdialog.lottery;

import java.util.List;

import de.stadtdialog.shared.InputRejectedException;

/**
 * The pool, the quotas or the number of seats do not allow a lottery. {@link #problems()} lists every problem
 * found, each a German sentence that says where (file and line, or the person or quota) and what; for quotas
 * that can only be met jointly not at all, {@link #relaxations()} gives the smallest change that makes them
 * feasible, e.g. "Alter 16–29: Minimum 5 → 4".
 */
public class LotteryInputException extends InputRejectedException {

    private final List<String> problems;
    private final List<String> relaxations;

    public LotteryInputException(List<String> problems, List<String> relaxations) {
        super(message(problems, relaxations));
        this.problems = List.copyOf(problems);
        this.relaxations = List.copyOf(relaxations);
    }

    public LotteryInputException(List<String> problems) {
        this(problems, List.of());
    }

    public List<String> problems() {
        return problems;
    }

    public List<String> relaxations() {
        return relaxations;
    }

    private static String message(List<String> problems, List<String> relaxations) {
        StringBuilder text = new StringBuilder(String.join("\n", problems));
        if (!relaxations.isEmpty()) {
            text.append("\nKleinste Lockerung, mit der die Quoten erfüllbar werden:");
            for (String relaxation : relaxations) {
                text.append("\n  ").append(relaxation);
            }
        }
        return text.toString();
    }
}
