package chat.plume.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The databases Plume runs on, told apart by the JDBC driver's product name, and the folder of
 * the migrations written for one of them only ({@code db/vendor/<folder>}).
 */
public enum Vendor {
    H2("H2", "h2"),
    POSTGRESQL("PostgreSQL", "postgresql");

    private final String productName;
    private final String folder;

    Vendor(String productName, String folder) {
        this.productName = productName;
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }

    /** The database behind {@code connection}, or empty for one Plume does not run on. */
    public static Optional<Vendor> of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        for (Vendor vendor : values()) {
            if (vendor.productName.equals(product)) {
                return Optional.of(vendor);
            }
        }
        return Optional.empty();
    }
}
