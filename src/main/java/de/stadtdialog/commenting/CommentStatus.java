package de.stadtdialog.commenting;

/** Pre-moderation: only approved comments are public. */
public enum CommentStatus {
    PENDING, APPROVED, REJECTED
}
