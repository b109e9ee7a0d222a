package kr.go.ax.common.web;

import java.util.List;

/** One page of a listing; {@code total} counts every item that matches, not only this page's. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
