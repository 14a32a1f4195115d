/* gsp.c - a Graph Store HTTP Protocol endpoint as a sink; see gsp.h.
 *
 * One libcurl easy handle is set up once (method, headers, credentials,
 * time-outs) and reused for every request, which keeps the connection
 * open between articles.  Only the first bytes of each answer are kept,
 * to quote the server's message (the text of an HTML page) in an error.
 * The URL is checked first (gsp_check_url): no credentials in it, and
 * whether credentials would cross the network in clear.
 *
 * A failed request is sorted by what it says of the next ones (Failure):
 * tried again when it may succeed later, given up for this article alone,
 * or the end of the run when no article can succeed (nothing listens, the
 * host is unknown, the credentials are refused): a load to a closed port
 * stops at its first request instead of retrying every article.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "gsp.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

/* Longest back-off: the delay stops doubling at this many milliseconds. */
#define MAX_DELAY_MS 60000u

/* Most bytes of the server's message quoted in an error. */
#define MESSAGE_MAX 200

/* What a failed request says of the next ones. */
typedef enum {
  FAIL_LATER,   ///< may succeed if tried again: 5xx, a time-out
  FAIL_ARTICLE, ///< this article is refused; others may be taken
  FAIL_ENDPOINT ///< no article can be: the run stops
} Failure;

struct GspImpl {
  Sink sink;                   ///< first: a Gsp is a Sink
  GspOptions opt;              ///< as given (strings not owned)
  CURL *curl;                  ///< owned: the one handle
  struct curl_slist *headers;  ///< owned: Content-Type and no Expect
  SinkCounts counts;           ///< what put kept and did
  double retry_seconds;        ///< spent retrying, the whole run
  char error[CURL_ERROR_SIZE]; ///< curl's message for the last request
  char answer[4096];           ///< the start of the last answer's body
  size_t answer_len;           ///< bytes of answer
};

/* Whether host (as libcurl's URL parser gives it: IPv4 in dotted quads,
 * IPv6 in brackets) is this machine's loopback: localhost, 127.0.0.0/8,
 * ::1 or ::ffff:127.0.0.0/104.  A name other than localhost is not
 * resolved: it counts as another machine. */
static int loopback_host(const char *host) {
  struct in_addr a4;
  struct in6_addr a6;
  char inner[64];
  size_t len = strlen(host);
  if (strcasecmp(host, "localhost") == 0)
    return 1;
  if (inet_pton(AF_INET, host, &a4) == 1)
    return ((const unsigned char *)&a4.s_addr)[0] == 127;
  if (len < 2 || len - 2 >= sizeof inner || host[0] != '[' ||
      host[len - 1] != ']')
    return 0;
  memcpy(inner, host + 1, len - 2);
  inner[len - 2] = '\0';
  if (inet_pton(AF_INET6, inner, &a6) != 1)
    return 0;
  return IN6_IS_ADDR_LOOPBACK(&a6) ||
         (IN6_IS_ADDR_V4MAPPED(&a6) && a6.s6_addr[12] == 127);
}

int gsp_check_url(const char *url, int *in_clear, char *why, size_t why_size) {
  CURLU *u = curl_url();
  char *scheme = NULL, *host = NULL, *user = NULL, *password = NULL;
  int status = -1;
  if (!u) {
    snprintf(why, why_size, "out of memory");
    return -1;
  }
  /* parsed as CURLOPT_URL will parse it: no scheme means http */
  CURLUcode rc = curl_url_set(u, CURLUPART_URL, url,
                              CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME);
  if (rc == CURLUE_OUT_OF_MEMORY)
    snprintf(why, why_size, "out of memory");
  else if (rc != CURLUE_OK ||
           curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
           curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
    snprintf(why, why_size, "not a URL that libcurl can use");
  else if (strcasecmp(scheme, "http") != 0 && strcasecmp(scheme, "https") != 0)
    snprintf(why, why_size, "not an http or https URL");
  else if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
           curl_url_get(u, CURLUPART_PASSWORD, &password, 0) == CURLUE_OK)
    snprintf(why, why_size,
             "the URL holds a user or password (user:password@), which "
             "the command line shows to every user; remove it and give "
             "them with --credentials FILE (or NEWSKG_GSP_USER and "
             "NEWSKG_GSP_PASSWORD)");
  else {
    *in_clear = strcasecmp(scheme, "https") != 0 && !loopback_host(host);
    status = 0;
  }
  if (password)
    memset(password, 0, strlen(password));
  curl_free(password);
  curl_free(user);
  curl_free(host);
  curl_free(scheme);
  curl_url_cleanup(u);
  return status;
}

int gsp_read_credentials(const char *path, char *user, size_t user_size,
                         char *password, size_t password_size, char *why,
                         size_t why_size) {
  FILE *f = fopen(path, "r");
  struct stat st;
  char line[1024];
  if (!f || fstat(fileno(f), &st) != 0) {
    snprintf(why, why_size, "%s", strerror(errno));
    if (f)
      fclose(f);
    return -1;
  }
  int ok = 0;
  if (st.st_mode & (S_IRWXG | S_IRWXO))
    snprintf(why, why_size,
             "others than its owner may read it (chmod 600 it first)");
  else if (!fgets(line, sizeof line, f))
    snprintf(why, why_size, "no 'user:password' line");
  else {
    line[strcspn(line, "\r\n")] = '\0';
    char *colon = strchr(line, ':');
    if (!colon || colon == line)
      snprintf(why, why_size, "no 'user:password' line");
    else if ((size_t)(colon - line) >= user_size ||
             strlen(colon + 1) >= password_size)
      snprintf(why, why_size, "user or password too long");
    else {
      *colon = '\0';
      snprintf(user, user_size, "%s", line);
      snprintf(password, password_size, "%s", colon + 1);
      ok = 1;
    }
  }
  memset(line, 0, sizeof line);
  fclose(f);
  return ok ? 0 : -1;
}

/* libcurl's write callback: keeps the start of the answer. */
static size_t keep_answer(char *data, size_t size, size_t n, void *arg) {
  Gsp *g = arg;
  size_t len = size * n, room = sizeof g->answer - 1 - g->answer_len;
  size_t take = len < room ? len : room;
  memcpy(g->answer + g->answer_len, data, take);
  g->answer_len += take;
  g->answer[g->answer_len] = '\0';
  return len;
}

/* Sorts a failed request: its curl code rc, or (rc CURLE_OK) its HTTP
 * status code. */
static Failure classify(CURLcode rc, long code) {
  switch (rc) {
  case CURLE_OK:
    if (code >= 500 || code == 408 || code == 429)
      return FAIL_LATER;
    /* no article gets past wrong credentials or a wrong endpoint */
    if (code == 401 || code == 403 || code == 404 || code == 405)
      return FAIL_ENDPOINT;
    return FAIL_ARTICLE;
  case CURLE_OPERATION_TIMEDOUT:
  case CURLE_SEND_ERROR:
  case CURLE_RECV_ERROR:
  case CURLE_GOT_NOTHING:
  case CURLE_PARTIAL_FILE:
    return FAIL_LATER;
  case CURLE_COULDNT_CONNECT:
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY:
  case CURLE_URL_MALFORMAT:
  case CURLE_UNSUPPORTED_PROTOCOL:
  case CURLE_LOGIN_DENIED:
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CACERT_BADFILE:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_OUT_OF_MEMORY:
    return FAIL_ENDPOINT;
  default:
    return FAIL_ARTICLE;
  }
}

/* What the user can do about a failure that stops the run, or "". */
static const char *hint(const Gsp *g, CURLcode rc, long code) {
  switch (rc) {
  case CURLE_OK:
    if (code == 401 && !g->opt.user)
      return "the endpoint wants a user and password: give them with "
             "--credentials FILE (or NEWSKG_GSP_USER and "
             "NEWSKG_GSP_PASSWORD)";
    if (code == 401)
      return "the endpoint refused the user and password; check "
             "--credentials FILE (or NEWSKG_GSP_USER and "
             "NEWSKG_GSP_PASSWORD)";
    if (code == 403)
      return "the endpoint does not let this user write; check "
             "--credentials FILE and the endpoint's permissions";
    return "is --gsp the endpoint's Graph Store URL?";
  case CURLE_COULDNT_CONNECT:
    return "is the store running, and is the URL's host and port right?";
  case CURLE_COULDNT_RESOLVE_HOST:
    return "check the URL's host name";
  case CURLE_COULDNT_RESOLVE_PROXY:
    return "check the proxy (http_proxy, https_proxy)";
  default:
    return "";
  }
}

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void sleep_ms(unsigned ms) {
  struct timespec t = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
  while (nanosleep(&t, &t) != 0 && errno == EINTR)
    ;
}

/* The length of the HTML entity at p (end: the body's end) and, in *c,
 * the character it stands for; 0 when p holds none of the common ones. */
static size_t entity(const char *p, const char *end, char *c) {
  static const struct {
    const char *name;
    char c;
  } entities[] = {{"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                  {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''},
                  {"&nbsp;", ' '}};
  for (size_t i = 0; i < sizeof entities / sizeof *entities; i++) {
    size_t len = strlen(entities[i].name);
    if ((size_t)(end - p) >= len &&
        strncasecmp(p, entities[i].name, len) == 0) {
      *c = entities[i].c;
      return len;
    }
  }
  return 0;
}

/* Where the HTML tag at p (a '<') ends: after its '>', and for a head,
 * script or style element after its end tag, whose text is no message.
 * end when it does not end. */
static const char *skip_tag(const char *p, const char *end) {
  static const char *const hidden[] = {"head", "script", "style"};
  const char *gt = memchr(p, '>', (size_t)(end - p));
  if (!gt)
    return end;
  for (size_t i = 0; i < sizeof hidden / sizeof *hidden; i++) {
    size_t len = strlen(hidden[i]);
    if ((size_t)(end - p) <= len + 1 ||
        strncasecmp(p + 1, hidden[i], len) != 0 ||
        (p[len + 1] != '>' && p[len + 1] != ' '))
      continue;
    for (const char *q = gt + 1; q + len + 2 <= end; q++)
      if (q[0] == '<' && q[1] == '/' &&
          strncasecmp(q + 2, hidden[i], len) == 0) {
        const char *close = memchr(q, '>', (size_t)(end - q));
        return close ? close + 1 : end;
      }
    return end;
  }
  return gt + 1;
}

/* Writes the server's message, the answer's body, to out as one line:
 * the text of an HTML page (html) without its tags and with the common
 * entities decoded; each run of white space or control characters one
 * space; cut at a character boundary, with "...", to fit MESSAGE_MAX
 * bytes (out holds MESSAGE_MAX + 4). */
static void server_message(const Gsp *g, int html, char *out) {
  const char *p = g->answer, *end = g->answer + g->answer_len;
  size_t len = 0;
  int space = 0;
  while (p < end && len < MESSAGE_MAX) {
    char c = *p;
    size_t n = 1;
    if (html && c == '<') {
      p = skip_tag(p, end);
      space = 1; /* a tag parts words: <h1>Error</h1><p>Bad */
      continue;
    }
    if (html && c == '&' && !(n = entity(p, end, &c)))
      n = 1;
    p += n;
    if ((unsigned char)c <= ' ' || c == 0x7f) {
      space = 1;
      continue;
    }
    if (space && len > 0) {
      if (len + 1 == MESSAGE_MAX) {
        p -= n; /* no room for the word: cut before it */
        break;
      }
      out[len++] = ' ';
    }
    space = 0;
    out[len++] = c;
  }
  if (p < end || g->answer_len == sizeof g->answer - 1) {
    size_t start = len; /* of the last character, which may be cut */
    while (start > 0 && ((unsigned char)out[start - 1] & 0xC0) == 0x80)
      start--;
    if (start > 0 && (unsigned char)out[start - 1] >= 0xC0) {
      unsigned char lead = (unsigned char)out[start - 1];
      size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (len - (start - 1) < want)
        len = start - 1;
    }
    memcpy(out + len, "...", 3);
    len += 3;
  }
  out[len] = '\0';
}

/* Writes why the last request failed: curl's error, or the HTTP status
 * and the server's message; for a failure that stops the run, the
 * endpoint's URL first and a hint after. */
static void describe(const Gsp *g, CURLcode rc, long code, Failure failure,
                     unsigned tries, char *why, size_t why_size) {
  char after[64] = "", what[CURL_ERROR_SIZE + MESSAGE_MAX + 64];
  if (tries > 1)
    snprintf(after, sizeof after, " (after %u tries)", tries);
  if (rc != CURLE_OK) {
    snprintf(what, sizeof what, "%s",
             g->error[0] ? g->error : curl_easy_strerror(rc));
  } else {
    char *type = NULL, message[MESSAGE_MAX + 4];
    curl_easy_getinfo(g->curl, CURLINFO_CONTENT_TYPE, &type);
    server_message(g, type && strstr(type, "html") != NULL, message);
    snprintf(what, sizeof what, "HTTP %ld%s%s", code, message[0] ? ": " : "",
             message);
  }
  if (failure != FAIL_ENDPOINT) {
    snprintf(why, why_size, "not loaded: %s%s", what, after);
    return;
  }
  const char *h = hint(g, rc, code);
  snprintf(why, why_size, "%s: %s%s%s%s", g->opt.url, what, after,
           h[0] ? "; " : "", h);
}

/* Sink.put: one PUT of the article's graph, tried again while it may
 * succeed later, within the run's --retry-max-time. */
static SinkStatus gsp_put(Sink *self, const SinkGraph *sg, char *why,
                          size_t why_size) {
  Gsp *g = (Gsp *)self;
  char *iri = curl_easy_escape(g->curl, sg->graph_iri, 0);
  size_t size = strlen(g->opt.url) + (iri ? strlen(iri) : 0) + 16;
  char *url = iri ? malloc(size) : NULL;
  if (!url) {
    curl_free(iri);
    snprintf(why, why_size, "out of memory");
    return SINK_FATAL;
  }
  snprintf(url, size, "%s%sgraph=%s", g->opt.url,
           strchr(g->opt.url, '?') ? "&" : "?", iri);
  curl_free(iri);
  curl_easy_setopt(g->curl, CURLOPT_URL, url);
  curl_easy_setopt(g->curl, CURLOPT_POSTFIELDS, sg->bytes);
  curl_easy_setopt(g->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)sg->len);
  CURLcode rc;
  long code = 0;
  unsigned tries = 0, delay = g->opt.delay_ms;
  Failure failure = FAIL_ARTICLE;
  double first_failure = 0;
  int out_of_time = 0;
  for (;;) {
    g->counts.requests++;
    g->error[0] = '\0';
    g->answer_len = 0;
    g->answer[0] = '\0';
    code = 0;
    rc = curl_easy_perform(g->curl);
    tries++;
    if (rc == CURLE_OK)
      curl_easy_getinfo(g->curl, CURLINFO_RESPONSE_CODE, &code);
    if (rc == CURLE_OK && code >= 200 && code < 300)
      break;
    failure = classify(rc, code);
    if (failure != FAIL_LATER || tries > g->opt.retries)
      break;
    double now = now_seconds();
    if (tries == 1)
      first_failure = now;
    if (g->retry_seconds + (now - first_failure) + delay / 1000.0 >
        (double)g->opt.max_retry_s) {
      out_of_time = 1;
      break;
    }
    g->counts.retries++;
    sleep_ms(delay);
    delay = delay < MAX_DELAY_MS / 2 ? delay * 2 : MAX_DELAY_MS;
  }
  if (tries > 1)
    g->retry_seconds += now_seconds() - first_failure;
  free(url);
  if (rc == CURLE_OK && code >= 200 && code < 300) {
    g->counts.articles++;
    g->counts.triples += sg->triples;
    return SINK_OK;
  }
  g->counts.failed++;
  if (out_of_time) {
    char what[sizeof g->error + MESSAGE_MAX + 256];
    describe(g, rc, code, FAIL_ARTICLE, tries, what, sizeof what);
    snprintf(why, why_size,
             "%s: still failing after %u s of retries in this run "
             "(--retry-max-time): %s",
             g->opt.url, g->opt.max_retry_s, what);
    return SINK_FATAL;
  }
  describe(g, rc, code, failure, tries, why, why_size);
  return failure == FAIL_ENDPOINT ? SINK_FATAL : SINK_REJECTED;
}

Gsp *gsp_open(const GspOptions *opt, char *why, size_t why_size) {
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    snprintf(why, why_size, "cannot set up libcurl");
    return NULL;
  }
  Gsp *g = calloc(1, sizeof *g);
  if (!g) {
    curl_global_cleanup();
    snprintf(why, why_size, "out of memory");
    return NULL;
  }
  if (!(g->curl = curl_easy_init())) {
    snprintf(why, why_size, "cannot set up libcurl: out of memory");
    gsp_close(g);
    return NULL;
  }
  g->sink.format = KG_FORMAT_NTRIPLES;
  g->sink.put = gsp_put;
  g->opt = *opt;
  struct curl_slist *h =
      curl_slist_append(NULL, "Content-Type: application/n-triples");
  /* no "Expect: 100-continue" round trip before each body */
  g->headers = h ? curl_slist_append(h, "Expect:") : NULL;
  if (!g->headers) {
    curl_slist_free_all(h);
    snprintf(why, why_size, "out of memory");
    gsp_close(g);
    return NULL;
  }
  CURL *c = g->curl;
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, g->headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_answer);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, g);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, g->error);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
  /* a stalled endpoint: under 1 byte/s for a minute fails the request */
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 60L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "newskg");
  if (opt->user) {
    curl_easy_setopt(c, CURLOPT_USERNAME, opt->user);
    curl_easy_setopt(c, CURLOPT_PASSWORD, opt->password ? opt->password : "");
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_ANY);
  }
  return g;
}

Sink *gsp_sink(Gsp *g) { return &g->sink; }

SinkCounts gsp_counts(const Gsp *g) { return g->counts; }

void gsp_close(Gsp *g) {
  if (!g)
    return;
  curl_slist_free_all(g->headers);
  if (g->curl)
    curl_easy_cleanup(g->curl);
  free(g);
  curl_global_cleanup();
}
