package chat.plume.identity.boundary;

import chat.plume.identity.control.PasswordHasher;
import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.Role;
import chat.plume.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes the first administrator from configuration, never from a default password:
 * {@code plume.admin.username} ({@code PLUME_ADMIN_USERNAME}) names the account and
 * {@code plume.admin.password} ({@code PLUME_ADMIN_PASSWORD}) its password.
 *
 * <ul>
 *   <li>No such account: it is created with that password, as an admin.</li>
 *   <li>The account exists and the configured password is its password: it becomes an admin.</li>
 *   <li>The account exists but the password does not match: nothing happens and a warning is
 *       logged. Someone else may have registered the name first; the operator must not hand
 *       them the console.</li>
 *   <li>No password configured: an existing account of that name becomes an admin (the operator
 *       names an account they registered themselves).</li>
 * </ul>
 * Registration never grants the role.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Event<SecurityEvent> security;

    @PostConstruct
    void ensureAdmin() {
        Optional<String> username = Settings.lookup("plume.admin.username");
        if (username.isEmpty()) {
            return;
        }
        Optional<Account> existing = Accounts.byKey(em, Account.keyOf(username.get()));
        Optional<String> password = Settings.lookup("plume.admin.password");
        if (existing.isPresent()) {
            if (password.isPresent()
                    && !hasher.matches(password.get(), existing.get().passwordHash())) {
                LOG.warning("The account named by plume.admin.username exists but plume.admin.password is not its"
                        + " password: it is NOT made an administrator");
                return;
            }
            if (existing.get().role() != Role.ADMIN) {
                existing.get().grant(Role.ADMIN);
                // Configuration outranks an administrator's demotion: say so in the audit log.
                security.fire(new SecurityEvent(
                        "account.role",
                        existing.get().id(),
                        existing.get().username(),
                        "role admin, from plume.admin.username at startup",
                        null));
                LOG.info(() ->
                        "Granted the admin role to account " + existing.get().id());
            }
            return;
        }
        if (password.isEmpty()
                || password.get().length() < AccountRules.PASSWORD_MIN
                || !username.get().matches(AccountRules.USERNAME)) {
            LOG.warning("plume.admin.username names no account, and no valid plume.admin.password (8+ characters)"
                    + " is set to create it: there is no administrator yet");
            return;
        }
        accounts.create(username.get(), username.get(), password.get(), Role.ADMIN);
    }
}
