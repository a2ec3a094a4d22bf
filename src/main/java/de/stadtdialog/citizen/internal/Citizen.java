package de.stadtdialog.citizen.internal;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/**
 * A citizen's account. Not in the Camunda identity service, which is for staff. Username and e-mail address are
 * unique per municipality, compared without regard to case (the {@code *Key} columns hold the lower-case form
 * and carry the unique constraints).
 */
@Entity
@Table(name = "citizen", uniqueConstraints = {
    @UniqueConstraint(name = "uk_citizen_username", columnNames = {"tenantId", "usernameKey"}),
    @UniqueConstraint(name = "uk_citizen_email", columnNames = {"tenantId", "email"})})
public class Citizen {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 64)
    private String tenantId;

    /** Public: shown next to contributions. */
    @Column(nullable = false, length = 40)
    private String username;

    @Column(nullable = false, length = 40)
    private String usernameKey;

    @Column(length = 100)
    private String firstName;

    @Column(length = 100)
    private String lastName;

    /** Lower case. Empty (null) once deleted; several nulls do not collide in the unique constraint. */
    @Column(length = 254)
    private String email;

    @Column(length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CitizenStatus status;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant confirmedAt;

    private Instant deletedAt;

    protected Citizen() {
    }

    public Citizen(String tenantId, String username, String firstName, String lastName, String email,
            String passwordHash, Instant now) {
        this.tenantId = tenantId;
        this.username = username;
        this.usernameKey = usernameKey(username);
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = normaliseEmail(email);
        this.passwordHash = passwordHash;
        this.status = CitizenStatus.PENDING;
        this.createdAt = now;
    }

    public static String usernameKey(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    void confirm(Instant now) {
        if (status == CitizenStatus.PENDING) {
            status = CitizenStatus.CONFIRMED;
            confirmedAt = now;
        }
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /**
     * Wipes every personal field. The username becomes a placeholder no registration can choose (registration
     * does not allow '~'), so the name is free again and nobody can take over the old one's contributions.
     */
    void wipe(Instant now) {
        username = "~gelöscht-" + id;
        usernameKey = username;
        firstName = null;
        lastName = null;
        email = null;
        passwordHash = null;
        status = CitizenStatus.DELETED;
        deletedAt = now;
    }

    public boolean isConfirmed() {
        return status == CitizenStatus.CONFIRMED;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getUsername() {
        return username;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public CitizenStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
