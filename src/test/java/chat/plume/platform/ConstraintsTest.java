package chat.plume.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are integrity violations, however the driver wraps them. */
class ConstraintsTest {

    @Test
    void aUniqueKeyViolationInTheCauseChainIsOne() {
        SQLException unique = new SQLException("duplicate key", "23505");
        assertThat(Constraints.isIntegrityViolation(new PersistenceException("insert failed", unique)))
                .isTrue();
    }

    @Test
    void aBatchThatReportsTheFailedStatementAsItsNextExceptionIsOne() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", null, new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(Constraints.isIntegrityViolation(new PersistenceException(batch)))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        SQLException timeout = new SQLException("lock timeout", "HYT00");
        timeout.setNextException(new SQLException("connection reset", "08006"));
        assertThat(Constraints.isIntegrityViolation(new PersistenceException(timeout)))
                .isFalse();
        assertThat(Constraints.isIntegrityViolation(new IllegalStateException("no SQL here")))
                .isFalse();
    }
}
