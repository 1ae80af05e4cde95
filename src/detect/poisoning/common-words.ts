// Word lists for shadowing: prose that must not be taken for a server or tool name.

/**
 * Ordinary words and product names that show up in tool documentation. A single-word name on this
 * list (or shorter than six characters) only counts as a reference when it is marked as one.
 */
export const COMMON_WORDS = new Set(
  `action actions address agent alerts amazon analysis analyze answer append archive artifact
  assistant attach attachment audio backup base64 bitbucket branch branches browse browser bucket
  buffer builder button calculate calculator calendar cancel capture change changes channel
  channels chart check checkout client clipboard command commands comment comments commit compare
  compile complete completion compress compute config configuration confluence connect connection
  console contact contacts content contents context convert converter cookie cookies counter
  create crawler crawl cursor custom dashboard database dataset debug debugger decode default
  define delete deploy deployment describe design details device devices diagram digest direct
  directory directories disable discord discover display docker document documents domain download
  downloads draft dropbox editor element elements email enable encode endpoint entity entities
  environment errors evaluate events everything example examples execute explain explore explorer
  export expression extension extract extractor facebook feature feedback fetch fetcher figma
  filesystem filter finder folder folders follow forecast format formatter formula forward function
  functions gateway generate generator github gitlab global gmail google graph handle handler
  header headers health helper history image images import index indexer input insert insights
  inspect inspector install installer instance invoke javascript journal keyboard knowledge
  kubernetes language launch layout library linear linkedin listener loader locate locator logger
  logging lookup manager mapping markdown market member members memory merge message messages
  method metric metrics migrate mobile modify module modules mongodb monitor mouse mysql navigate
  network notebook notes notify notion number object observe office online outlook output package
  packages parser payment payments people person picker pipeline planner planning player playwright
  plugin plugins policy postgres postgresql preview print printer process profile project projects
  prompt prompts provider publish puppeteer python query random reader reasoning recall recent
  record recorder records reddit redirect redis refresh register release reload remember reminder
  reminders remote remove rename render renderer replace report reports request requests research
  resolve resource resources response restart result results retrieve review reviews router runner
  sample schedule scheduler schema screen screenshot scrape scraper script scripts scroll search
  secret secrets select selector sender sentry sequence server service services session sessions
  settings shell sitemap slack snapshot source speech spotify spreadsheet sqlite status storage
  stream string stripe submit subscribe suggest summarize summary supabase switch system table
  tables target template templates terminal tester testing thinking thread threads ticket tickets
  timeline timer toggle tokens toolkit tracker translate translation trigger tunnel twitter
  typescript update upload uploader usage utility utilities validate validator value values vector
  version video videos viewer visit wallet watch weather webhook webhooks widget wikipedia window
  workflow workflows worker workspace writer youtube`.split(/\s+/)
)

/** Hyphenated English ("read-only", "git-style") is prose, not an identifier. */
export const PROSE_HYPHEN_PARTS = new Set(
  `based style like only in on up out level time side free safe aware specific wide friendly
  sensitive insensitive party source defined end to by non multi pre re co self well high low full
  half built read write open`.split(/\s+/)
)
