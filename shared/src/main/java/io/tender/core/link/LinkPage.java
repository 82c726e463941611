package io.tender.core.link;

import java.util.List;
import java.util.Optional;

/** One page of a listing, newest first, and the cursor to the next page when there is one. */
public record LinkPage<T>(List<T> items, Optional<String> nextCursor) {
  public LinkPage {
    items = List.copyOf(items);
  }
}
