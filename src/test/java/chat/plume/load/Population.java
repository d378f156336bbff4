package chat.plume.load;

import chat.plume.testing.Api;
import chat.plume.testing.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The signed-in accounts the scenarios use, kept in a file between runs. Every account costs the
 * server two PBKDF2 hashes (sign-up, sign-in: about half a second of CPU), so a thousand-member
 * group would otherwise spend minutes before its first message; with the file, only the first run
 * against a database pays. A file whose first token the server no longer accepts (a wiped data
 * directory) is started afresh. The tokens are secrets of throw-away benchmark accounts; the file
 * is written for the owner only where the file system allows.
 */
final class Population {

    /** An account and its session token. */
    record Account(long id, String username, String token) {}

    private static final int PARALLEL_SIGN_UPS = 4;

    private final Api api;
    private final Path file;
    private final List<Account> accounts = new ArrayList<>();

    private Population(Api api, Path file) {
        this.api = api;
        this.file = file;
    }

    /** The accounts kept in {@code file} (null: none, nothing kept), if the server still knows them. */
    static Population open(Api api, Path file) {
        Population population = new Population(api, file);
        if (file != null && Files.exists(file)) {
            List<Account> kept = read(file);
            int known = kept.isEmpty()
                    ? 0
                    : api.send("GET", "/me", null, kept.get(0).token()).statusCode();
            if (known == 200) {
                population.accounts.addAll(kept);
            } else {
                System.err.println(
                        "Population " + file + " is not known to this server (" + known + "); starting afresh");
            }
        }
        return population;
    }

    /** The first {@code count} accounts, creating (and keeping) the missing ones. */
    synchronized List<Account> take(int count) {
        int missing = count - accounts.size();
        if (missing > 0) {
            System.err.printf("Signing up %d accounts (two password hashes each on the server)...%n", missing);
            ExecutorService workers = Executors.newFixedThreadPool(PARALLEL_SIGN_UPS);
            try {
                List<Future<Account>> created = new ArrayList<>();
                for (int i = 0; i < missing; i++) {
                    created.add(workers.submit(this::create));
                }
                for (Future<Account> account : created) {
                    accounts.add(account.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not sign up the population", e.getCause());
            } finally {
                workers.shutdownNow();
            }
            write();
        }
        return List.copyOf(accounts.subList(0, count));
    }

    private Account create() {
        String username = Names.unique("load");
        String password = "load-pass-" + username;
        Api.expect(201, api.register(username, "Load " + username, password));
        String token = api.token(username, password);
        long id = Api.json(Api.expect(200, api.send("GET", "/me", null, token)))
                .getJsonNumber("id")
                .longValue();
        return new Account(id, username, token);
    }

    private void write() {
        if (file == null) {
            return;
        }
        List<String> lines = accounts.stream()
                .map(a -> a.id() + "\t" + a.username() + "\t" + a.token())
                .toList();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Account> read(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split("\t"))
                    .map(p -> new Account(Long.parseLong(p[0]), p[1], p[2]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
