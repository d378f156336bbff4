package chat.plume.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * A person's account. The username is chosen once and never changes; it is unique without
 * regard to case ({@code Alice} and {@code alice} are the same account), which the database
 * enforces on {@code usernameKey}. Everything else on the profile is the owner's to edit.
 * All timestamps are UTC.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME_KEY, query = "select a from Account a where a.usernameKey = :key")
@NamedQuery(name = Account.BY_IDS, query = "select a from Account a where a.id in :ids")
@NamedQuery(
        name = Account.SEARCH,
        query = "select a from Account a where a.usernameKey like :pattern escape '!'"
                + " or lower(a.displayName) like :pattern escape '!' order by a.usernameKey")
@NamedQuery(
        name = Account.SEARCH_COUNT,
        query = "select count(a) from Account a where a.usernameKey like :pattern"
                + " escape '!' or lower(a.displayName) like :pattern escape '!'")
@NamedQuery(name = Account.ADMINS, query = "select a from Account a where a.role = :role")
@NamedQuery(name = Account.BY_EMAIL_KEY, query = "select a from Account a where a.emailKey = :key")
public class Account {

    public static final String BY_USERNAME_KEY = "Account.byUsernameKey";
    public static final String BY_IDS = "Account.byIds";
    public static final String SEARCH = "Account.search";
    public static final String SEARCH_COUNT = "Account.searchCount";
    public static final String ADMINS = "Account.admins";
    public static final String BY_EMAIL_KEY = "Account.byEmailKey";

    /** The end of a ban without end: a date every database stores (the API shows no end). */
    public static final LocalDateTime PERMANENTLY = LocalDateTime.of(9999, 12, 31, 0, 0);

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(nullable = false, updatable = false, length = 32)
    private String username;

    @Column(name = "username_key", nullable = false, updatable = false, length = 32)
    private String usernameKey;

    @Column(name = "display_name", nullable = false, length = 64)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(length = 100)
    private String signature;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Gender gender;

    @Column(length = 64)
    private String region;

    @Column(length = 32)
    private String phone;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private LocalDateTime passwordChangedAt;

    @Column(name = "avatar_media_id")
    private Long avatarMediaId;

    /** Set while banned (no sign-in); {@link #PERMANENTLY} for a ban without end. */
    @Column(name = "banned_until")
    private LocalDateTime bannedUntil;

    @Column(name = "ban_reason", length = 500)
    private String banReason;

    /** The TOTP secret (Base32) once two-factor authentication is on. */
    @Column(name = "totp_secret", length = 64)
    private String totpSecret;

    /** A secret being enrolled: it becomes {@link #totpSecret} when a code from it is confirmed. */
    @Column(name = "totp_pending", length = 64)
    private String totpPending;

    /** The last time step a code was accepted for: each code works once. */
    @Column(name = "totp_last_step")
    private Long totpLastStep;

    /** Set while muted everywhere (reads, cannot send). */
    @Column(name = "muted_until")
    private LocalDateTime mutedUntil;

    /** The verified address, as the person typed it; null until one is verified. */
    @Column(length = 254)
    private String email;

    /** The verified address without regard to case: unique across accounts. */
    @Column(name = "email_key", length = 254)
    private String emailKey;

    /** An address waiting for its link to be opened. */
    @Column(name = "pending_email", length = 254)
    private String pendingEmail;

    /** A bot's account: it has no password anyone knows and signs in only with its token. */
    @Column(nullable = false, updatable = false)
    private boolean bot;

    /** The language mail to this person is written in ({@code en}, {@code zh-CN}). */
    @Column(name = "mail_language", length = 16)
    private String mailLanguage;

    @Version
    private long version;

    protected Account() {}

    public Account(String username, String displayName, String passwordHash, LocalDateTime now) {
        this.username = username;
        this.usernameKey = keyOf(username);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = Role.USER;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    /** A bot's account: {@code passwordHash} is the hash of a secret nobody keeps. */
    public static Account bot(String username, String displayName, String passwordHash, LocalDateTime now) {
        Account account = new Account(username, displayName, passwordHash, now);
        account.bot = true;
        return account;
    }

    public boolean isBot() {
        return bot;
    }

    /** The case-insensitive identity of a username. */
    public static String keyOf(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public void changePassword(String newHash, LocalDateTime now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
    }

    /** Replaces the hash with a stronger one of the same password (more iterations). */
    public void rehashPassword(String strongerHash) {
        this.passwordHash = strongerHash;
    }

    public void updateProfile(String displayName, String signature, Gender gender, String region, String phone) {
        this.displayName = displayName;
        this.signature = signature;
        this.gender = gender;
        this.region = region;
        this.phone = phone;
    }

    public void setAvatar(Long mediaId) {
        this.avatarMediaId = mediaId;
    }

    public Long avatarMediaId() {
        return avatarMediaId;
    }

    /** Bans until a time ({@link #PERMANENTLY} for no end), replacing any ban before. */
    public void ban(LocalDateTime until, String reason) {
        this.bannedUntil = until;
        this.banReason = reason;
    }

    public void unban() {
        this.bannedUntil = null;
        this.banReason = null;
    }

    public void mute(LocalDateTime until) {
        this.mutedUntil = until;
    }

    public void unmute() {
        this.mutedUntil = null;
    }

    public boolean isBannedAt(LocalDateTime now) {
        return bannedUntil != null && bannedUntil.isAfter(now);
    }

    public boolean isMutedAt(LocalDateTime now) {
        return mutedUntil != null && mutedUntil.isAfter(now);
    }

    /** When the ban ends (null: not banned, or it has ended). */
    public LocalDateTime bannedUntil(LocalDateTime now) {
        return isBannedAt(now) ? bannedUntil : null;
    }

    public String banReason(LocalDateTime now) {
        return isBannedAt(now) ? banReason : null;
    }

    /** When the mute ends (null: not muted, or it has ended). */
    public LocalDateTime mutedUntil(LocalDateTime now) {
        return isMutedAt(now) ? mutedUntil : null;
    }

    public boolean hasSecondFactor() {
        return totpSecret != null;
    }

    public String totpSecret() {
        return totpSecret;
    }

    public String totpPending() {
        return totpPending;
    }

    public Long totpLastStep() {
        return totpLastStep;
    }

    public void beginTotp(String secret) {
        this.totpPending = secret;
    }

    public void confirmTotp(long step) {
        this.totpSecret = totpPending;
        this.totpPending = null;
        this.totpLastStep = step;
    }

    public void usedTotpStep(long step) {
        this.totpLastStep = step;
    }

    public void removeTotp() {
        this.totpSecret = null;
        this.totpPending = null;
        this.totpLastStep = null;
    }

    /** The case-insensitive identity of an email address. */
    public static String emailKeyOf(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    public void awaitEmail(String address) {
        this.pendingEmail = address;
    }

    /** Makes a verified address the account's own; returns the address it replaces (or null). */
    public String verifiedEmail(String address) {
        String before = email;
        this.email = address;
        this.emailKey = emailKeyOf(address);
        if (address.equalsIgnoreCase(pendingEmail)) {
            this.pendingEmail = null;
        }
        return before;
    }

    public void removeEmail() {
        this.email = null;
        this.emailKey = null;
        this.pendingEmail = null;
    }

    public void writeMailIn(String language) {
        this.mailLanguage = language;
    }

    public String email() {
        return email;
    }

    public String pendingEmail() {
        return pendingEmail;
    }

    public String mailLanguage() {
        return mailLanguage;
    }

    public void grant(Role newRole) {
        this.role = newRole;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public String signature() {
        return signature;
    }

    public Gender gender() {
        return gender;
    }

    public String region() {
        return region;
    }

    public String phone() {
        return phone;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
