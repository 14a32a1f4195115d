/* gsp.c - a Graph Store HTTP Protocol endpoint as a sink; see gsp.h.
 *
 * One libcurl easy handle is set up once (method, headers, credentials,
 * time-outs) and reused for every request, which keeps the connection
 * open between articles.  Only the first bytes of each answer are kept,
 * to quote in an error message.  The URL is checked first
 * (gsp_check_url): no credentials in it, and whether credentials would
 * cross the network in clear.
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

struct GspImpl {
  Sink sink;                   ///< first: a Gsp is a Sink
  GspOptions opt;              ///< as given (strings not owned)
  CURL *curl;                  ///< owned: the one handle
  struct curl_slist *headers;  ///< owned: Content-Type and no Expect
  SinkCounts counts;           ///< what put kept and did
  char error[CURL_ERROR_SIZE]; ///< curl's message for the last request
  char answer[200];            ///< the start of the last answer's body
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

/* Whether a failed transfer is worth trying again: not when the URL,
 * protocol or credentials are wrong, or memory ran out. */
static int transient(CURLcode rc) {
  return rc != CURLE_URL_MALFORMAT && rc != CURLE_UNSUPPORTED_PROTOCOL &&
         rc != CURLE_LOGIN_DENIED && rc != CURLE_OUT_OF_MEMORY;
}

static void sleep_ms(unsigned ms) {
  struct timespec t = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
  while (nanosleep(&t, &t) != 0 && errno == EINTR)
    ;
}

/* Writes why the last request failed: curl's error, or the HTTP status
 * and the first line of the answer. */
static void describe(const Gsp *g, CURLcode rc, long code, unsigned tries,
                     char *why, size_t why_size) {
  char after[64] = "";
  if (tries > 1)
    snprintf(after, sizeof after, " (after %u tries)", tries);
  if (rc != CURLE_OK) {
    snprintf(why, why_size, "not loaded: %s%s",
             g->error[0] ? g->error : curl_easy_strerror(rc), after);
    return;
  }
  int first_line = (int)strcspn(g->answer, "\r\n");
  snprintf(why, why_size, "not loaded: HTTP %ld%s%.*s%s", code,
           first_line ? ": " : "", first_line, g->answer, after);
}

/* Sink.put: one PUT of the article's graph, tried again on 5xx. */
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
    int again = rc != CURLE_OK ? transient(rc) : code >= 500;
    if (!again || tries > g->opt.retries)
      break;
    g->counts.retries++;
    sleep_ms(delay);
    delay = delay < MAX_DELAY_MS / 2 ? delay * 2 : MAX_DELAY_MS;
  }
  free(url);
  if (rc == CURLE_OK && code >= 200 && code < 300) {
    g->counts.articles++;
    g->counts.triples += sg->triples;
    return SINK_OK;
  }
  describe(g, rc, code, tries, why, why_size);
  g->counts.failed++;
  return SINK_REJECTED;
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
