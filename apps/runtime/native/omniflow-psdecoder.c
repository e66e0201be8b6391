/*
 * omniflow-psdecoder: long-lived pocketsphinx decoders for the runtime's voice gateway (issue 19).
 *
 * One process serves many utterances ("streams") at once, one after another on a single thread, over a framed
 * protocol on stdin/stdout. Every frame is: type (1 byte), stream id (uint32 LE), payload length (uint32 LE), payload.
 *
 * Requests:
 *   'S' start   payload: the pocketsphinx_continuous arguments of the pass, each NUL-terminated (no -infile, -time)
 *   'A' audio   payload: 16-bit little-endian PCM at the decoder's rate
 *   'P' partial payload: empty; answered with 'H'
 *   'E' end     payload: empty; answered with 'R' (or 'X')
 *   'K' cancel  payload: empty; no answer; the stream's decoder goes back to the pool
 * Answers:
 *   'H' partial payload: "<path score> <frames> <best hypothesis so far>" (the hypothesis may be empty)
 *   'R' result  payload: what pocketsphinx_continuous -infile -time yes would print on stdout, a NUL, then its log
 *   'X' error   payload: a message
 *
 * A decoder is made once per distinct argument list (acoustic model, dictionary, grammar, options) and reused for
 * later streams with the same arguments, so no model is loaded on the hot path. Audio is decoded in the 2048-sample
 * blocks pocketsphinx_continuous reads, with its segmentation at silences, and each stream starts with the front
 * end's stream state reset: the output is the same as a fresh pocketsphinx_continuous given the same bytes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pocketsphinx.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/err.h>
#include <sphinxbase/feat.h>

#define BLOCK 2048
#define MAX_FRAME (16 * 1024 * 1024)

static const arg_t args_def[] = {
    POCKETSPHINX_OPTIONS,
    {"-argfile", ARG_STRING, NULL, "Argument file giving extra arguments."},
    {"-adcdev", ARG_STRING, NULL, "Name of audio device to use for input."},
    {"-infile", ARG_STRING, NULL, "Audio file to transcribe."},
    {"-inmic", ARG_BOOLEAN, "no", "Transcribe audio from microphone."},
    {"-time", ARG_BOOLEAN, "no", "Print word times in file transcription."},
    CMDLN_EMPTY_OPTION};

typedef struct decoder {
  char *key; /* the arguments, NUL-separated */
  size_t key_len;
  ps_decoder_t *ps;
  cmd_ln_t *config;
  /* The cepstral mean as the decoder started: each utterance moves it, each stream starts from it again. */
  cmn_t initial_cmn;
  mfcc_t *initial_vectors;
  struct decoder *next; /* in the idle list */
} decoder_t;

typedef struct stream {
  uint32_t id;
  decoder_t *decoder;
  int16_t block[BLOCK];
  size_t filled;
  int utt_started;
  char *out;
  size_t out_len;
  FILE *out_fp;
  char *log;
  size_t log_len;
  FILE *log_fp;
  char *error;
  struct stream *next;
} stream_t;

/* Idle decoders kept in all (`--keep N`), whatever their arguments; the least recently used beyond it are freed. */
static size_t max_idle = 8;
static decoder_t *idle = NULL;
static stream_t *streams = NULL;
static FILE *null_log = NULL;

static void die(const char *what) {
  fprintf(stderr, "omniflow-psdecoder: %s: %s\n", what, strerror(errno));
  exit(2);
}

static int read_exact(void *buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(0, (char *)buf + got, n - got);
    if (r == 0) return got == 0 ? 0 : -1;
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    got += (size_t)r;
  }
  return 1;
}

static void write_exact(const void *buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t w = write(1, (const char *)buf + done, n - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      die("write");
    }
    done += (size_t)w;
  }
}

static void put_u32(unsigned char *p, uint32_t v) {
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

static uint32_t get_u32(const unsigned char *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void answer(char type, uint32_t id, const char *a, size_t a_len, const char *b, size_t b_len, int two) {
  unsigned char head[9];
  size_t len = a_len + (two ? 1 + b_len : 0);
  head[0] = (unsigned char)type;
  put_u32(head + 1, id);
  put_u32(head + 5, (uint32_t)len);
  write_exact(head, 9);
  if (a_len > 0) write_exact(a, a_len);
  if (two) {
    write_exact("", 1);
    if (b_len > 0) write_exact(b, b_len);
  }
}

static void answer_error(uint32_t id, const char *message) { answer('X', id, message, strlen(message), NULL, 0, 0); }

static stream_t *find_stream(uint32_t id) {
  for (stream_t *s = streams; s != NULL; s = s->next)
    if (s->id == id) return s;
  return NULL;
}

/* A decoder for these arguments: an idle one if any, else a new one (NULL and a message when they are refused). */
static decoder_t *take_decoder(const char *key, size_t key_len, char **error) {
  decoder_t **link = &idle;
  for (decoder_t *d = idle; d != NULL; link = &d->next, d = d->next) {
    if (d->key_len == key_len && memcmp(d->key, key, key_len) == 0) {
      *link = d->next;
      d->next = NULL;
      return d;
    }
  }
  int argc = 0;
  for (size_t i = 0; i < key_len; i++)
    if (key[i] == '\0') argc++;
  char **argv = calloc((size_t)argc + 2, sizeof(char *));
  argv[0] = "omniflow-psdecoder";
  size_t at = 0;
  for (int i = 1; i <= argc; i++) {
    argv[i] = (char *)key + at;
    at += strlen(key + at) + 1;
  }
  char *log = NULL;
  size_t log_len = 0;
  FILE *log_fp = open_memstream(&log, &log_len);
  err_set_logfp(log_fp);
  cmd_ln_t *config = cmd_ln_parse_r(NULL, args_def, argc + 1, argv, FALSE);
  ps_decoder_t *ps = NULL;
  if (config != NULL) {
    ps_default_search_args(config);
    ps = ps_init(config);
  }
  err_set_logfp(null_log);
  fclose(log_fp);
  free(argv);
  if (ps == NULL) {
    /* The last ERROR line says why (a missing file, an unknown word, a grammar that does not parse). */
    const char *reason = "pocketsphinx refused the arguments";
    char *last = NULL;
    for (char *line = strstr(log, "ERROR"); line != NULL; line = strstr(line + 1, "ERROR")) last = line;
    *error = strdup(last != NULL ? last : reason);
    char *end = strchr(*error, '\n');
    if (end != NULL) *end = '\0';
    free(log);
    if (config != NULL) cmd_ln_free_r(config);
    return NULL;
  }
  free(log);
  decoder_t *d = calloc(1, sizeof(decoder_t));
  d->key = malloc(key_len);
  memcpy(d->key, key, key_len);
  d->key_len = key_len;
  d->ps = ps;
  d->config = config;
  cmn_t *cmn = ps_get_feat(ps)->cmn_struct;
  if (cmn != NULL) {
    d->initial_cmn = *cmn;
    d->initial_vectors = malloc(3 * (size_t)cmn->veclen * sizeof(mfcc_t));
    memcpy(d->initial_vectors, cmn->cmn_mean, (size_t)cmn->veclen * sizeof(mfcc_t));
    if (cmn->cmn_var != NULL) memcpy(d->initial_vectors + cmn->veclen, cmn->cmn_var, (size_t)cmn->veclen * sizeof(mfcc_t));
    memcpy(d->initial_vectors + 2 * cmn->veclen, cmn->sum, (size_t)cmn->veclen * sizeof(mfcc_t));
  }
  return d;
}

/* Puts the cepstral mean normalization back as it was when the decoder was made. */
static void restore_cmn(decoder_t *d) {
  cmn_t *cmn = ps_get_feat(d->ps)->cmn_struct;
  if (cmn == NULL || d->initial_vectors == NULL) return;
  size_t bytes = (size_t)cmn->veclen * sizeof(mfcc_t);
  memcpy(cmn->cmn_mean, d->initial_vectors, bytes);
  if (cmn->cmn_var != NULL) memcpy(cmn->cmn_var, d->initial_vectors + cmn->veclen, bytes);
  memcpy(cmn->sum, d->initial_vectors + 2 * cmn->veclen, bytes);
  cmn->nframe = d->initial_cmn.nframe;
}

static void free_decoder(decoder_t *d) {
  ps_free(d->ps);
  cmd_ln_free_r(d->config);
  free(d->initial_vectors);
  free(d->key);
  free(d);
}

/* Keeps a finished stream's decoder for reuse, most recent first; beyond the cap the least recently used goes. */
static void give_back(decoder_t *d) {
  d->next = idle;
  idle = d;
  size_t kept = 0;
  for (decoder_t **link = &idle; *link != NULL; link = &(*link)->next) {
    if (++kept > max_idle) {
      decoder_t *rest = *link;
      *link = NULL;
      while (rest != NULL) {
        decoder_t *next = rest->next;
        free_decoder(rest);
        rest = next;
      }
      break;
    }
  }
}

/* What pocketsphinx_continuous prints for one segment with -time yes. */
static void print_segment(stream_t *s) {
  ps_decoder_t *ps = s->decoder->ps;
  const char *hyp = ps_get_hyp(ps, NULL);
  if (hyp != NULL) fprintf(s->out_fp, "%s\n", hyp);
  int frame_rate = cmd_ln_int32_r(s->decoder->config, "-frate");
  for (ps_seg_t *iter = ps_seg_iter(ps); iter != NULL; iter = ps_seg_next(iter)) {
    int32 sf, ef, pprob;
    ps_seg_frames(iter, &sf, &ef);
    pprob = ps_seg_prob(iter, NULL, NULL, NULL);
    float conf = logmath_exp(ps_get_logmath(ps), pprob);
    fprintf(s->out_fp, "%s %.3f %.3f %f\n", ps_seg_word(iter), ((float)sf / frame_rate), ((float)ef / frame_rate),
            conf);
  }
}

/* One block through the decoder, ending and restarting the utterance at a silence as pocketsphinx_continuous does. */
static void process_block(stream_t *s, const int16_t *samples, size_t n) {
  ps_decoder_t *ps = s->decoder->ps;
  ps_process_raw(ps, samples, n, FALSE, FALSE);
  uint8 in_speech = ps_get_in_speech(ps);
  if (in_speech && !s->utt_started) s->utt_started = 1;
  if (!in_speech && s->utt_started) {
    ps_end_utt(ps);
    print_segment(s);
    ps_start_utt(ps);
    s->utt_started = 0;
  }
}

static void close_stream(stream_t *s, int keep_decoder) {
  for (stream_t **link = &streams; *link != NULL; link = &(*link)->next)
    if (*link == s) {
      *link = s->next;
      break;
    }
  if (s->decoder != NULL) {
    if (keep_decoder)
      give_back(s->decoder);
    else
      free_decoder(s->decoder);
  }
  if (s->out_fp != NULL) fclose(s->out_fp);
  if (s->log_fp != NULL) fclose(s->log_fp);
  free(s->out);
  free(s->log);
  free(s->error);
  free(s);
}

static void start(uint32_t id, const char *payload, size_t len) {
  if (find_stream(id) != NULL) {
    answer_error(id, "stream id already in use");
    return;
  }
  stream_t *s = calloc(1, sizeof(stream_t));
  s->id = id;
  s->next = streams;
  streams = s;
  if (len == 0 || payload[len - 1] != '\0') {
    s->error = strdup("the start frame must hold NUL-terminated arguments");
    return;
  }
  s->decoder = take_decoder(payload, len, &s->error);
  if (s->decoder == NULL) return;
  s->out_fp = open_memstream(&s->out, &s->out_len);
  s->log_fp = open_memstream(&s->log, &s->log_len);
  err_set_logfp(s->log_fp);
  /* A new stream: the noise statistics of the last caller must not shape this one's front end. */
  ps_start_stream(s->decoder->ps);
  restore_cmn(s->decoder);
  if (ps_start_utt(s->decoder->ps) < 0) s->error = strdup("pocketsphinx could not start an utterance");
  err_set_logfp(null_log);
}

static void audio(stream_t *s, const unsigned char *payload, size_t len) {
  if (s->error != NULL) return;
  err_set_logfp(s->log_fp);
  for (size_t at = 0; at + 1 < len; at += 2) {
    s->block[s->filled++] = (int16_t)(payload[at] | (payload[at + 1] << 8));
    if (s->filled == BLOCK) {
      process_block(s, s->block, BLOCK);
      s->filled = 0;
    }
  }
  err_set_logfp(null_log);
}

static void partial(stream_t *s) {
  const char *hyp = NULL;
  int32 score = 0;
  int frames = 0;
  if (s->error == NULL) {
    err_set_logfp(null_log);
    hyp = ps_get_hyp(s->decoder->ps, &score);
    frames = ps_get_n_frames(s->decoder->ps);
  }
  char *text = NULL;
  int len = asprintf(&text, "%d %d %s", (int)score, frames, hyp != NULL ? hyp : "");
  if (len < 0) die("asprintf");
  answer('H', s->id, text, (size_t)len, NULL, 0, 0);
  free(text);
}

static void end(stream_t *s) {
  if (s->error != NULL) {
    answer_error(s->id, s->error);
    close_stream(s, 1);
    return;
  }
  err_set_logfp(s->log_fp);
  if (s->filled > 0) process_block(s, s->block, s->filled);
  s->filled = 0;
  ps_end_utt(s->decoder->ps);
  if (s->utt_started) print_segment(s);
  err_set_logfp(null_log);
  fflush(s->out_fp);
  fflush(s->log_fp);
  answer('R', s->id, s->out, s->out_len, s->log, s->log_len, 1);
  close_stream(s, 1);
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--keep") == 0) max_idle = (size_t)strtoul(argv[2], NULL, 10);
  null_log = fopen("/dev/null", "w");
  if (null_log == NULL) die("open /dev/null");
  err_set_logfp(null_log);
  unsigned char head[9];
  unsigned char *payload = NULL;
  size_t capacity = 0;
  for (;;) {
    int r = read_exact(head, 9);
    if (r == 0) break;
    if (r < 0) die("read");
    uint32_t id = get_u32(head + 1);
    uint32_t len = get_u32(head + 5);
    if (len > MAX_FRAME) {
      fprintf(stderr, "omniflow-psdecoder: frame of %u bytes refused\n", len);
      return 2;
    }
    if (len + 1 > capacity) {
      capacity = len + 1;
      payload = realloc(payload, capacity);
    }
    if (len > 0 && read_exact(payload, len) != 1) die("read");
    payload[len] = '\0';
    char type = (char)head[0];
    if (type == 'S') {
      start(id, (const char *)payload, len);
      continue;
    }
    stream_t *s = find_stream(id);
    if (s == NULL) {
      if (type == 'P' || type == 'E') answer_error(id, "no such stream");
      continue;
    }
    if (type == 'A')
      audio(s, payload, len);
    else if (type == 'P')
      partial(s);
    else if (type == 'E')
      end(s);
    else if (type == 'K') {
      /* An utterance cut short: end it so the decoder is clean for the next stream. */
      if (s->error == NULL) {
        err_set_logfp(null_log);
        ps_end_utt(s->decoder->ps);
      }
      close_stream(s, s->error == NULL);
    } else {
      fprintf(stderr, "omniflow-psdecoder: unknown frame type %d\n", type);
      return 2;
    }
  }
  while (streams != NULL) close_stream(streams, 0);
  while (idle != NULL) {
    decoder_t *d = idle;
    idle = d->next;
    free_decoder(d);
  }
  free(payload);
  return 0;
}
