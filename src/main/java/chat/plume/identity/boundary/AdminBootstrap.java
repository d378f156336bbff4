package chat.plume.identity.boundary;

import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.Role;
import chat.plume.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes the first administrator from configuration, never from a default password:
 * {@code plume.admin.username} ({@code PLUME_ADMIN_USERNAME}) names the account. If it exists it
 * is given the admin role; if not, and {@code plume.admin.password} ({@code PLUME_ADMIN_PASSWORD})
 * is set, it is created with that password. Registration never grants the role, so nobody can
 * claim the name through the sign-up form.
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

    @PostConstruct
    void ensureAdmin() {
        Optional<String> username = Settings.lookup("plume.admin.username");
        if (username.isEmpty()) {
            return;
        }
        Optional<Account> existing = Accounts.byKey(em, Account.keyOf(username.get()));
        if (existing.isPresent()) {
            if (existing.get().role() != Role.ADMIN) {
                existing.get().grant(Role.ADMIN);
                LOG.info(() -> "Granted the admin role to account " + existing.get().id());
            }
            return;
        }
        Optional<String> password = Settings.lookup("plume.admin.password");
        if (password.isEmpty() || password.get().length() < AccountRules.PASSWORD_MIN
                || !username.get().matches(AccountRules.USERNAME)) {
            LOG.warning("plume.admin.username names no account, and no valid plume.admin.password (8+ characters)"
                    + " is set to create it: there is no administrator yet");
            return;
        }
        accounts.create(username.get(), username.get(), password.get(), Role.ADMIN);
    }
}
