/*
 * Indonesian for lunr.js inside mkdocs-material's search worker: stemmer, stop words, glossary synonyms.
 * Part of Pustaka Polmas (MIT licence, see the project's README). Plain JavaScript, no dependencies.
 *
 * The search worker loads this file as assets/javascripts/lunr/min/lunr.id.min.js because the theme's
 * language partial sets search.config.lang to "id"; it then calls `this.use(lunr.id)` on the index builder.
 * It runs in a Web Worker (online) and in an iframe through iframe-worker (file://): it only touches the
 * global `lunr` that the worker exposes, never Worker-only APIs.
 *
 * How it works
 * - Index: every word is indexed as typed AND as its stem(s), so `pencegahan` is found by `cegah*` as well
 *   as by `pence*` while the officer is still typing. Glossary forms found in the text add their synonyms
 *   at the same position (`pencurian kendaraan bermotor` adds `curanmor`, and back).
 * - Query: mkdocs-material turns every typed word into a prefix query (`mencegah*`), which lunr never passes
 *   through the search pipeline. The wrapper around lunr.Index#query adds the word's stems as extra exact
 *   terms, drops Indonesian stop words, and files matches of those extra terms under the word the officer
 *   typed, so the theme neither marks the word "missing" nor loses its highlight.
 */
;(function (root) {
  "use strict"
  var lunr = root.lunr

  /* ------------------------------------------------------------------------------------------------------
   * Stemmer: Tala's rules (particle, possessive, first- and second-order prefix, derivational suffix) with
   * the Snowball constraints (a word is stemmed only while it keeps more than two vowels; forbidden
   * prefix-suffix pairs), plus:
   * - meN-/peN- and ber-/ter-/per- before a vowel give every root the sound change allows
   *   (menangani → tangan, nangan; mengirim → irim, kirim; memakai → pakai, makai; berencana → encana, rencana);
   * - -kan may also be a root ending in k plus -an (tindakan → tinda, tindak);
   * - -i comes off after di-, meN- or ter-, never after s (polisi stays); after a vowel or with no prefix
 *   both forms are kept (memakai → paka, pakai; tangani → tangan, tangani; patroli → patrol, patroli);
   * - -tah only after a question word (apatah), as pemerintah and perintah end in it;
   * - se- gives its root as an extra stem, keeping the word (setempat → setempat, tempat);
   * - roots whose edges look like affixes are protected (masalah is not masa + lah, berita is not ber + ita).
   * ---------------------------------------------------------------------------------------------------- */

  var PROTECTED = words(
    "berita dialog digital disiplin diskusi distribusi himpun istilah jumlah kelompok keluarga kendala kendali kendara kepala " +
    "kereta ketua langkah laku masalah media mediasi mekanisme mental metode nikah olah patroli pemerintah " +
    "penduduk penjara peran perangkat perempuan perilaku perintah pilah salah sebelah sekolah setelah tamu tanya " +
    "telah temu terima terminal tingkah"
  )
  var QUESTION_WORDS = words("apa siapa mana bila bagaimana mengapa kenapa")
  var VOWELS = "aeiou"
  var cache = new Map()

  function words(text) {
    var set = new Set()
    text.split(/\s+/).forEach(function (w) { if (w) set.add(w) })
    return set
  }

  function measure(word) {
    var n = 0
    for (var i = 0; i < word.length; i++) if (VOWELS.indexOf(word.charAt(i)) !== -1) n++
    return n
  }

  function isVowel(ch) { return ch !== "" && VOWELS.indexOf(ch) !== -1 }

  /* True when `word` ends (or starts) with a protected root, so cutting that edge would cut the root. */
  function endsProtected(word) {
    for (var root of PROTECTED) if (word.length > root.length && word.endsWith(root)) return true
    return false
  }
  function startsProtected(word) {
    for (var root of PROTECTED) if (word.length > root.length && word.startsWith(root)) return true
    return false
  }

  /* Done when the word is short, protected, or not plain lowercase letters. */
  function settled(word) {
    return measure(word) <= 2 || PROTECTED.has(word)
  }

  /* The word without its last n letters, unless they belong to a protected root (bertanya is not berta + nya,
     but beritanya is berita + nya). */
  function cutEnd(word, n) {
    var rest = word.slice(0, -n)
    return PROTECTED.has(rest) || !endsProtected(word) ? rest : word
  }

  function removeParticle(word) {
    if (/(kah|lah|pun)$/.test(word)) return cutEnd(word, 3)
    if (word.endsWith("tah") && QUESTION_WORDS.has(word.slice(0, -3))) return word.slice(0, -3)
    return word
  }

  function removePossessive(word) {
    if (word.endsWith("nya")) return cutEnd(word, 3)
    if (/(ku|mu)$/.test(word)) return cutEnd(word, 2)
    return word
  }

  /* Prefix types decide which suffixes may follow (Tala): 1 di-/meN-/ter-, 2 ke-/peN-, 3 ber-, 0 others. */
  function option(rest, type) { return { rest: rest, type: type } }

  /* meN- and peN- with the sound changes of their nasal; `type` is 1 for meN-, 2 for peN-. */
  function nasalPrefix(word, p, type) {
    var after = function (n) { return word.slice(n) }
    if (word.startsWith(p + "ny") && isVowel(word.charAt(p.length + 2))) {
      return [option("s" + after(p.length + 2), type), option(after(p.length), type)]
    }
    if (word.startsWith(p + "ng")) {
      var rest = after(p.length + 2)
      return isVowel(rest.charAt(0)) ? [option(rest, type), option("k" + rest, type)] : [option(rest, type)]
    }
    if (word.startsWith(p + "m")) {
      var restM = after(p.length + 1)
      return isVowel(restM.charAt(0)) ? [option("p" + restM, type), option("m" + restM, type)] : [option(restM, type)]
    }
    if (word.startsWith(p + "n")) {
      var restN = after(p.length + 1)
      return isVowel(restN.charAt(0)) ? [option("t" + restN, type), option("n" + restN, type)] : [option(restN, type)]
    }
    if (/^[lmnrwy]/.test(after(p.length)) && p === "me") return [option(after(2), type)]
    return []
  }

  function removeFirstOrderPrefix(word) {
    if (startsProtected(word)) return []
    if (word.startsWith("me")) return nasalPrefix(word, "me", 1)
    if (word.startsWith("pe")) return nasalPrefix(word, "pe", 2)
    if (word.startsWith("di")) return [option(word.slice(2), 1)]
    if (word.startsWith("ter")) return withR(word.slice(3), 1)
    if (word.startsWith("ke")) return [option(word.slice(2), 2)]
    return []
  }

  /* ber-, ter-, per- before a vowel: the r may belong to the root (berencana ← rencana, perawat ← rawat). */
  function withR(rest, type) {
    return isVowel(rest.charAt(0)) ? [option(rest, type), option("r" + rest, type)] : [option(rest, type)]
  }

  function removeSecondOrderPrefix(word) {
    if (startsProtected(word)) return []
    if (/^(bel|pel)ajar/.test(word)) return [option(word.slice(3), word.charAt(0) === "b" ? 3 : 0)]
    if (word.startsWith("ber")) return withR(word.slice(3), 3)
    if (/^be[^aeiou]er/.test(word)) return [option(word.slice(2), 3)]
    if (word.startsWith("per")) return withR(word.slice(3), 0)
    if (word.startsWith("pe")) return [option(word.slice(2), 0)]
    return []
  }

  /* Derivational suffix, allowed by the prefix type (no di-…-an, ke-…-kan, ber-…-i …). */
  function removeSuffix(word, type) {
    if (settled(word) || endsProtected(word)) return [word]
    if (word.endsWith("kan")) {
      var found = []
      if (type !== 2) found.push(word.slice(0, -3))
      if (type !== 1) found.push(word.slice(0, -2))
      return found
    }
    if (word.endsWith("an") && type !== 1) return [word.slice(0, -2)]
    if (word.endsWith("i") && type <= 1 && !word.endsWith("si")) {
      /* After a vowel, or with no prefix at all, the i may be the root's own (memakai ← pakai, patroli):
         keep both (tangani → tangan, tangani). */
      return isVowel(word.charAt(word.length - 2)) || type === 0 ? [word.slice(0, -1), word] : [word.slice(0, -1)]
    }
    return [word]
  }

  function afterFirstOrder(rest, type) {
    if (settled(rest)) return [rest]
    var found = []
    removeSuffix(rest, type).forEach(function (word) {
      var second = settled(word) ? [] : removeSecondOrderPrefix(word)
      if (second.length) second.forEach(function (o) { found.push(o.rest) })
      else found.push(word)
    })
    return found
  }

  function derive(word) {
    var found = []
    var first = removeFirstOrderPrefix(word)
    if (first.length) {
      first.forEach(function (o) { found.push.apply(found, afterFirstOrder(o.rest, o.type)) })
      return found
    }
    var second = removeSecondOrderPrefix(word)
    var options = second.length ? second : [option(word, 0)]
    options.forEach(function (o) { found.push.apply(found, removeSuffix(o.rest, o.type)) })
    if (!second.length && word.startsWith("se")) {
      found.push.apply(found, removeSuffix(word.slice(2), 0))
    }
    return found
  }

  /* Every stem the word may have, most likely first; the word itself when it must not be stemmed. */
  function stems(word) {
    var known = cache.get(word)
    if (known) return known
    var result = [word]
    if (/^[a-z]+$/.test(word) && !settled(word)) {
      var bare = removeParticle(word)
      if (!settled(bare)) bare = removePossessive(bare)
      result = settled(bare) ? [bare] : derive(bare)
      result = result.filter(function (s, i) { return s.length >= 3 && result.indexOf(s) === i })
      if (!result.length) result = [bare]
    }
    cache.set(word, result)
    return result
  }

  /* ------------------------------------------------------------------------------------------------------
   * Stop words: function words that carry no topic (conjunctions, prepositions, pronouns, auxiliaries).
   * Words an officer might search for (waktu, orang, tempat, tanpa izin …) are deliberately not listed.
   * ---------------------------------------------------------------------------------------------------- */
  var STOP_WORDS = words(
    "ada adalah agar akan akankah aku amat anda antara apa apakah apabila atas atau bagaimana bagi bahkan " +
    "bahwa banyak beberapa begini begitu belum berapa bila bisa boleh bukan cukup dalam dan dapat dari " +
    "daripada demi demikian dengan di dia hal hanya harus hingga ia ialah ini itu jadi jika juga justru kalau " +
    "kami kamu kapan karena ke kecuali kemudian kenapa kepada ketika kita lagi lah lain lalu maka masih " +
    "maupun melainkan melalui meliputi mengapa menjadi menurut merupakan mereka mungkin namun nya oleh " +
    "pada padahal para per perlu pula pun saat saja sambil sampai sang sangat saya se sebagai sebelum " +
    "sebuah secara sedang sehingga sejak selain selama semua sendiri seperti serta sesuatu setelah " +
    "setiap siapa suatu sudah supaya tak tanpa tapi telah tentang tentu terhadap tersebut tetapi tiap " +
    "tidak untuk yaitu yakni yang"
  )

  /* ------------------------------------------------------------------------------------------------------
   * Glossary: equivalent forms (an abbreviation, its expansion, synonyms) from data/glossary.yaml, filled
   * in by the site generator below this file with lunr.id.glossary.load([...]).
   * ---------------------------------------------------------------------------------------------------- */
  var glossary = new Map()   /* first word's stem → [{ stems, others }] */

  function tokenStem(word) { return stems(word)[0] }

  function splitForm(text) {
    return text.toLowerCase().split(/[\s\-]+/).map(trim).filter(function (w) { return w })
  }

  function trim(text) {
    return text.replace(/^[^\p{L}\p{N}]+/u, "").replace(/[^\p{L}\p{N}]+$/u, "")
  }

  function loadGlossary(entries) {
    glossary.clear()
    entries.forEach(function (forms) {
      var split = forms.map(splitForm).filter(function (f) { return f.length })
      split.forEach(function (form, i) {
        var key = tokenStem(form[0])
        var list = glossary.get(key) || []
        list.push({
          stems: form.map(tokenStem),
          others: [].concat.apply([], split.filter(function (_, j) { return j !== i }))
        })
        glossary.set(key, list)
      })
    })
  }

  /* ------------------------------------------------------------------------------------------------------
   * Pipeline functions
   * ---------------------------------------------------------------------------------------------------- */
  lunr.id = function () {
    this.pipeline.reset()
    this.pipeline.add(lunr.id.trimmer, lunr.id.glossary, lunr.id.stopWordFilter, lunr.id.stemmer)
    this.searchPipeline.reset()
    this.searchPipeline.add(lunr.id.stopWordFilter, lunr.id.stemmer)
    /* The theme asks lunr.stopWordFilter whether an unmatched query word deserves a "missing" mark. */
    lunr.stopWordFilter = lunr.id.stopWordFilter
  }

  lunr.id.stems = stems
  lunr.id.stopWords = STOP_WORDS
  lunr.id.glossary = function (token, i, tokens) {
    var candidates = glossary.get(tokenStem(token.toString()))
    if (!candidates) return token
    var out = [token]
    candidates.forEach(function (c) {
      for (var k = 0; k < c.stems.length; k++) {
        var next = tokens[i + k]
        if (!next || tokenStem(next.toString()) !== c.stems[k]) return
      }
      c.others.forEach(function (word) { out.push(token.clone(function () { return word })) })
    })
    return out
  }
  lunr.id.glossary.load = loadGlossary

  lunr.id.trimmer = function (token) {
    token.update(trim)
    return token.toString() ? token : undefined
  }

  lunr.id.stopWordFilter = function (token) {
    var word = token.toString()
    if (word && !STOP_WORDS.has(word)) return token
  }

  /* Index and query: the word as typed plus each stem, all at the word's position. */
  lunr.id.stemmer = function (token) {
    var word = token.toString()
    var out = [token]
    stems(word).forEach(function (stem) {
      if (stem !== word) out.push(token.clone(function () { return stem }))
    })
    return out
  }

  lunr.Pipeline.registerFunction(lunr.id.trimmer, "trimmer-id")
  lunr.Pipeline.registerFunction(lunr.id.glossary, "glossary-id")
  lunr.Pipeline.registerFunction(lunr.id.stopWordFilter, "stopWordFilter-id")
  lunr.Pipeline.registerFunction(lunr.id.stemmer, "stemmer-id")

  /* ------------------------------------------------------------------------------------------------------
   * Query: stems for the prefix terms mkdocs-material builds, credited to the word as typed.
   * ---------------------------------------------------------------------------------------------------- */
  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var pipeline = this.pipeline
    var active = pipeline._stack.indexOf(lunr.id.stemmer) !== -1 ||
      pipeline._stack.indexOf(lunr.id.stopWordFilter) !== -1
    if (!active) return query.call(this, fn)
    var typedAs = new Map()
    var empty = false
    var index = this
    var results = query.call(this, function (q) {
      fn.call(q, q)
      expandClauses(q, pipeline, typedAs, index)
      empty = q.clauses.length === 0
    })
    /* Only stop words typed: lunr would take an empty query as "everything". */
    if (empty) return []
    results.forEach(function (result) { creditTypedWords(result.matchData.metadata, typedAs) })
    return results
  }

  function expandClauses(q, pipeline, typedAs, index) {
    var OPTIONAL = lunr.Query.presence.OPTIONAL
    var clauses = q.clauses.slice()
    q.clauses = []
    clauses.forEach(function (clause) {
      if (clause.usePipeline || clause.presence === lunr.Query.presence.PROHIBITED) {
        q.clauses.push(clause)
        return
      }
      var typed = clause.term.replace(/^\*+|\*+$/g, "")
      var processed = pipeline.run([new lunr.Token(typed, {})]).map(String)
      if (!processed.length && clause.presence === OPTIONAL) return   /* a stop word */
      q.clauses.push(clause)
      var extra = processed.filter(function (term) { return term !== typed })
      if (!matchesAny(index, typed, clause.wildcard, extra)) extra = extra.concat(forgiveTypo(q, clause, typed, index, pipeline, typedAs))
      extra.forEach(function (term) {
        typedAs.set(term, typed)
        q.clause({ term: term, fields: clause.fields, boost: clause.boost, usePipeline: false,
                   wildcard: lunr.Query.wildcard.NONE, presence: OPTIONAL })
      })
    })
  }

  /* ------------------------------------------------------------------------------------------------------
   * Typos: a word that finds nothing as typed, as a prefix or by its stems is looked up with lunr's edit
   * distance (`word~1`: one letter dropped, doubled, swapped or mistyped), and the stems of the words it
   * reaches are added, so `pencegahn` finds what `pencegahan` finds. Only such words are widened: a word
   * that matches exactly keeps its results, and exact matches rank first.
   * ---------------------------------------------------------------------------------------------------- */
  var MIN_TYPO_LENGTH = 4   /* shorter words are one edit away from too many others */
  var MAX_TYPO_WORDS = 12   /* whose stems are added: enough for a real word, few enough not to drown the query */

  function termsMatching(index, tokenSet) {
    return index.tokenSet.intersect(tokenSet).toArray()
  }

  function matchesAny(index, typed, wildcard, stemsOfTyped) {
    var pattern = wildcard & lunr.Query.wildcard.TRAILING ? typed + "*" : typed
    if (termsMatching(index, lunr.TokenSet.fromString(pattern)).length) return true
    return stemsOfTyped.some(function (term) { return Object.prototype.hasOwnProperty.call(index.invertedIndex, term) })
  }

  /* Adds `typed~1` to the query; returns the stems of the words it reaches, to be added as exact terms. The
     words it reaches are credited to the word as typed (highlight, and no "missing" mark). */
  function forgiveTypo(q, clause, typed, index, pipeline, typedAs) {
    if (typed.length < MIN_TYPO_LENGTH) return []
    var near = termsMatching(index, lunr.TokenSet.fromFuzzyString(typed, 1))
    if (!near.length) return []
    q.clause({ term: typed, fields: clause.fields, boost: clause.boost, usePipeline: false,
               wildcard: lunr.Query.wildcard.NONE, editDistance: 1, presence: lunr.Query.presence.OPTIONAL })
    near.forEach(function (word) { typedAs.set(word, typed) })
    var stems = []
    near.sort().slice(0, MAX_TYPO_WORDS).forEach(function (word) {
      pipeline.run([new lunr.Token(word, {})]).map(String).forEach(function (stem) {
        if (near.indexOf(stem) === -1 && stems.indexOf(stem) === -1) stems.push(stem)
      })
    })
    return stems
  }

  /* A word, its stems and the glossary forms added beside it share one position. The theme wraps every
     position it is given in <mark>, so a position listed under two terms would be wrapped twice and
     garble the text: keep each position under the first term only. */
  function creditTypedWords(metadata, typedAs) {
    Object.keys(metadata).forEach(function (term) {
      var typed = typedAs.get(term)
      if (!typed || typed === term) return
      var into = metadata[typed] || (metadata[typed] = {})
      Object.keys(metadata[term]).forEach(function (field) {
        var from = metadata[term][field]
        var to = into[field] || (into[field] = {})
        Object.keys(from).forEach(function (key) { to[key] = (to[key] || []).concat(from[key]) })
      })
      delete metadata[term]
    })
    var seen = {}
    Object.keys(metadata).forEach(function (term) {
      Object.keys(metadata[term]).forEach(function (field) {
        var positions = metadata[term][field].position
        if (!positions) return
        var marked = seen[field] || (seen[field] = new Set())
        metadata[term][field].position = positions.filter(function (p) {
          var key = JSON.stringify(p)
          if (marked.has(key)) return false
          marked.add(key)
          return true
        })
      })
    })
  }
})(typeof self !== "undefined" ? self : this)
