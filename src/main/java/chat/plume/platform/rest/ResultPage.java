package chat.plume.platform.rest;

import java.util.List;

/** One page of a longer result: {@code page} counts from 0, {@code total} is the full count. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {}
