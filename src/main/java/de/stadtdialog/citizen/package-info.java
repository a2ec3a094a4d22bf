/**
 * Citizen accounts, separate from staff: registration with double opt-in (process
 * {@code CitizenRegistrationProcess}), login at {@code /buerger/anmelden}, password reset, rate limits kept in the
 * database, the "Meine Daten" page (JSON download, account deletion) and following procedures with a mail on
 * every phase change (process {@code FollowerNotificationProcess}).
 * <p>
 * Other modules use: {@link de.stadtdialog.citizen.CitizenUser} (the logged-in citizen),
 * {@link de.stadtdialog.citizen.CitizenDirectory} (public name of a citizen, pseudonymised after deletion),
 * {@link de.stadtdialog.citizen.PersonalDataContributor} (add data to "Meine Daten", react to deletion) and the
 * Thymeleaf fragments {@code citizen/follow :: follow(procedureId)} and
 * {@code citizen/privacy :: notice(purposeKey)}.
 */
package de.stadtdialog.citizen;
