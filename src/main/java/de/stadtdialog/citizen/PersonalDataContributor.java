package de.stadtdialog.citizen;

/**
 * A module that stores data about citizens implements this as a Spring bean: its data appears on "Meine Daten"
 * and in the download, and it learns of an account's deletion.
 */
public interface PersonalDataContributor {

    /** What this module holds about the citizen; {@code null} or no entries when nothing. */
    PersonalDataSection personalData(CitizenUser citizen);

    /**
     * The citizen deletes the account. Called in the deleting transaction, before the account's personal fields
     * are wiped (throwing aborts the deletion). Delete what is personal and not a public contribution;
     * contributions may stay, they are shown through {@link CitizenDirectory#displayName} and so pseudonymised.
     */
    void accountDeleted(CitizenUser citizen);
}
