package chat.plume.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the processes on this machine: the load tool's own CPU, and, when the server's process
 * id is given, its CPU (from {@code /proc}), resident memory, and heap in use after a full
 * collection (through {@code jcmd}, from the same JDK the tool runs on). Linux only.
 */
final class ServerProbe {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final double TICKS_PER_SECOND = 100.0;

    private final long pid;
    private long wallStart;
    private long toolCpuStart;
    private long serverTicksStart;

    /** pid 0: measure only the load tool. */
    ServerProbe(long pid) {
        this.pid = pid;
    }

    void startCpu() {
        wallStart = System.nanoTime();
        toolCpuStart = toolCpuNanos();
        serverTicksStart = serverTicks();
    }

    /** CPU used since {@link #startCpu}, in cores (1.0 = one core busy all the time). */
    String cpuSince() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        String tool = String.format("load-tool cpu=%.2f cores", (toolCpuNanos() - toolCpuStart) / 1e9 / wall);
        if (pid == 0) {
            return tool;
        }
        return tool
                + String.format(" server cpu=%.2f cores", (serverTicks() - serverTicksStart) / TICKS_PER_SECOND / wall);
    }

    /**
     * The server's CPU time since {@link #startCpu} per item (a persisted message), in
     * microseconds; what the server spends whatever the load tool costs. -1 without a pid.
     */
    double serverMicrosPer(long items) {
        if (pid == 0 || items == 0) {
            return -1;
        }
        return (serverTicks() - serverTicksStart) / TICKS_PER_SECOND * 1e6 / items;
    }

    /** The server's heap in use right after a full collection, in bytes (-1 without a pid). */
    long heapAfterFullGc() {
        if (pid == 0) {
            return -1;
        }
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("Unexpected GC.heap_info output");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** The server's resident set size, in bytes (-1 without a pid). */
    long residentBytes() {
        if (pid == 0) {
            return -1;
        }
        for (String line : read(Path.of("/proc/" + pid + "/status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("No VmRSS for " + pid);
    }

    private long serverTicks() {
        if (pid == 0) {
            return 0;
        }
        String stat = read(Path.of("/proc/" + pid + "/stat"));
        // Fields after the command name (which may contain spaces) : utime is the 14th, stime the 15th.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long toolCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd " + command + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
