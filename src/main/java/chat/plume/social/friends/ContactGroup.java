package chat.plume.social.friends;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A contact group (分组) of one person. Each person has exactly one default group, which cannot
 * be deleted; its name is null until renamed, and the page shows it as "My friends" / "我的好友".
 */
@Entity
@Table(name = "contact_group")
@NamedQuery(
        name = ContactGroup.OF_OWNER,
        query = "select g from ContactGroup g where g.ownerId = :owner" + " order by g.position, g.id")
@NamedQuery(
        name = ContactGroup.DEFAULT_OF,
        query = "select g from ContactGroup g where g.ownerId = :owner" + " and g.isDefault = true")
public class ContactGroup {

    public static final String OF_OWNER = "ContactGroup.ofOwner";
    public static final String DEFAULT_OF = "ContactGroup.defaultOf";

    @Id
    @SequenceGenerator(name = "contact_group_seq", sequenceName = "contact_group_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_group_seq")
    private Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(length = 32)
    private String name;

    @Column(name = "is_default", nullable = false, updatable = false)
    private boolean isDefault;

    @Column(name = "default_of", updatable = false)
    private Long defaultOf;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    protected ContactGroup() {}

    private ContactGroup(long ownerId, String name, boolean isDefault, int position, LocalDateTime now) {
        this.ownerId = ownerId;
        this.name = name;
        this.isDefault = isDefault;
        this.defaultOf = isDefault ? ownerId : null;
        this.position = position;
        this.createdAt = now;
    }

    public static ContactGroup defaultOf(long ownerId, LocalDateTime now) {
        return new ContactGroup(ownerId, null, true, 0, now);
    }

    public static ContactGroup named(long ownerId, String name, int position, LocalDateTime now) {
        return new ContactGroup(ownerId, name, false, position, now);
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public Long id() {
        return id;
    }

    public long ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public int position() {
        return position;
    }
}
