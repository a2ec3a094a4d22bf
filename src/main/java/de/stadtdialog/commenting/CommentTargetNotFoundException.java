package de.stadtdialog.commenting;

/** A draft, paragraph or comment that does not exist or belongs to another draft; pages answer 404. */
public class CommentTargetNotFoundException extends RuntimeException {

    public CommentTargetNotFoundException(String what) {
        super(what + " nicht gefunden");
    }
}
