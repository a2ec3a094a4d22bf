package de.stadtdialog.lottery;

/** A lottery table or audit bundle that cannot be read; the message is German and says which file and where. */
public class LotteryFormatException extends RuntimeException {

    public LotteryFormatException(String message) {
        super(message);
    }
}
