// Sentences.swift — the chapter's data: 352 short reviews written for this chapter by
// scripts/make_sentences.py (a small grammar, fixed seed), one per line:
//
//   label (1 positive, 0 negative) <tab> split (train/test) <tab> pattern <tab> text
//
// "plain" sentences carry their sentiment in one word; "negation" and "contrast" sentences need
// word order ("not bad", "looked great but it was awful").

let sentencesTSV = """
  0	test	contrast	the room looked enjoyable but it was bad
  1	train	negation	i would recommend this laptop
  0	train	negation	i don't like this product
  1	train	negation	i do like this food
  1	test	contrast	the pizza looked useless but it was superb
  1	train	contrast	i expected a bad pizza but it was enjoyable
  1	train	plain	what a lovely pizza
  0	train	contrast	the screen looked good but it was disappointing
  1	test	plain	this is a great service
  0	train	negation	i would not recommend this plot
  0	train	negation	i don't like this pizza
  0	train	contrast	the pizza looked superb but it was useless
  1	test	contrast	the room looked useless but it was fantastic
  0	train	negation	i would not recommend this book
  0	train	negation	this room is not fantastic at all
  0	train	plain	this food is very disappointing
  1	test	contrast	i expected a ugly pizza but it was lovely
  1	train	negation	i would recommend this book
  1	train	plain	i loved this room
  0	train	negation	this product is not wonderful at all
  0	test	plain	what a useless product
  1	train	plain	what a enjoyable room
  1	train	plain	the room was enjoyable
  1	train	plain	this is a good food
  0	test	plain	this is a terrible album
  1	train	plain	the food was good
  0	train	plain	what a bad pizza
  1	train	contrast	i expected a ugly food but it was great
  1	test	contrast	i expected a useless room but it was fantastic
  0	train	plain	what a disappointing phone
  1	train	negation	the pizza was not ugly
  0	train	negation	i would not recommend this pizza
  1	test	plain	this is a amazing album
  1	train	negation	the screen was not poor
  0	train	plain	this plot is very poor
  0	train	contrast	the pizza looked lovely but it was ugly
  0	test	contrast	i expected a superb pizza but it was useless
  0	train	negation	this pizza is not superb at all
  0	train	negation	i don't like this story
  0	train	plain	what a dull story
  0	test	plain	this is a dull laptop
  1	train	negation	the screen was not disappointing
  1	train	negation	i do like this album
  0	train	plain	this album is so terrible
  1	test	contrast	the food looked disappointing but it was good
  1	train	negation	i would recommend this story
  0	train	negation	this book is not excellent at all
  0	train	plain	this is a ugly pizza
  1	test	contrast	the book looked bad but it was excellent
  1	train	negation	i would recommend this service
  1	train	plain	i liked this phone
  1	train	plain	i liked this service
  1	test	plain	i loved this book
  1	train	contrast	i expected a useless product but it was wonderful
  1	train	contrast	i expected a disappointing service but it was great
  1	train	contrast	the plot looked poor but it was great
  1	test	plain	what a great plot
  1	train	negation	the book was not bad
  1	train	plain	this is a lovely pizza
  1	train	negation	the album was not terrible
  1	test	contrast	the pizza looked bad but it was enjoyable
  1	train	contrast	the phone looked disappointing but it was wonderful
  0	train	contrast	i expected a great story but it was dull
  1	train	plain	this pizza is very superb
  0	test	plain	what a poor screen
  0	train	negation	this screen is not nice at all
  0	train	plain	i disliked this story
  0	train	negation	i don't like this book
  1	test	plain	i loved this screen
  1	train	contrast	i expected a useless pizza but it was superb
  0	train	plain	this is a disappointing phone
  0	train	plain	the service was disappointing
  1	test	plain	this food is so great
  1	train	negation	i would recommend this phone
  1	train	contrast	i expected a terrible album but it was amazing
  1	train	negation	this plot is not poor at all
  0	test	contrast	the service looked great but it was disappointing
  1	train	plain	what a nice screen
  1	train	negation	i do like this phone
  0	train	plain	the product was useless
  0	test	contrast	the screen looked nice but it was poor
  0	train	contrast	the phone looked wonderful but it was disappointing
  1	train	contrast	the pizza looked ugly but it was lovely
  1	train	plain	the service was great
  0	test	plain	i disliked this room
  0	train	plain	this is a useless room
  1	train	plain	the pizza was lovely
  0	train	contrast	the album looked amazing but it was terrible
  1	test	plain	the pizza was superb
  0	train	contrast	i expected a wonderful phone but it was disappointing
  1	train	plain	this screen is very good
  0	train	contrast	i expected a wonderful product but it was useless
  0	test	contrast	i expected a fantastic room but it was useless
  0	train	plain	what a disappointing food
  1	train	negation	i do like this service
  0	train	negation	i don't like this service
  0	test	negation	the album was not amazing
  0	train	plain	this phone is quite disappointing
  0	train	contrast	the room looked fantastic but it was useless
  0	train	plain	the plot was poor
  1	test	negation	i do like this book
  0	train	negation	the food was not good
  0	train	negation	this plot is not great at all
  0	train	contrast	the product looked wonderful but it was useless
  0	test	negation	this food is not good at all
  0	train	contrast	i expected a lovely pizza but it was ugly
  0	train	negation	this food is not great at all
  1	train	plain	the screen was nice
  0	test	negation	i would not recommend this room
  1	train	contrast	the laptop looked dull but it was enjoyable
  0	train	plain	this is a dull story
  0	train	negation	the screen was not good
  0	test	plain	what a ugly pizza
  1	train	plain	this is a wonderful product
  0	train	plain	what a bad room
  1	train	plain	the story was great
  0	test	plain	what a terrible album
  0	train	plain	this pizza is very useless
  1	train	contrast	i expected a disappointing phone but it was wonderful
  0	train	negation	i don't like this food
  0	test	plain	i hated this album
  1	train	plain	the pizza was enjoyable
  1	train	plain	the album was amazing
  1	train	negation	this laptop is not dull at all
  1	test	plain	the phone was wonderful
  0	train	plain	the story was dull
  0	train	plain	what a ugly food
  0	train	negation	this laptop is not enjoyable at all
  0	test	negation	this story is not great at all
  0	train	negation	i don't like this phone
  1	train	negation	this phone is not disappointing at all
  0	train	contrast	the plot looked great but it was poor
  0	test	contrast	the food looked good but it was disappointing
  0	train	plain	this is a ugly food
  0	train	plain	this is a poor plot
  0	train	negation	the plot was not great
  0	test	plain	i hated this food
  1	train	negation	i do like this pizza
  1	train	plain	this is a fantastic room
  1	train	negation	i do like this product
  1	test	plain	this album is so amazing
  0	train	plain	the book was bad
  1	train	plain	what a enjoyable pizza
  0	train	contrast	i expected a enjoyable room but it was bad
  0	test	plain	this service is so disappointing
  1	train	plain	this book is quite excellent
  1	train	plain	the book was excellent
  0	train	plain	the pizza was bad
  0	test	negation	i don't like this album
  0	train	plain	this is a disappointing food
  1	train	negation	i would recommend this album
  0	train	negation	the screen was not nice
  0	test	plain	i hated this product
  1	train	plain	the plot was great
  0	train	negation	this album is not amazing at all
  0	train	contrast	i expected a good food but it was disappointing
  1	test	negation	the food was not ugly
  1	train	plain	what a excellent book
  0	train	plain	i disliked this laptop
  0	train	plain	this room is so bad
  1	test	plain	what a amazing album
  1	train	plain	i liked this product
  1	train	contrast	the service looked disappointing but it was great
  0	train	plain	what a poor plot
  0	test	negation	the service was not great
  0	train	plain	the pizza was useless
  0	train	plain	what a useless room
  1	train	plain	this is a enjoyable room
  0	test	contrast	the story looked great but it was dull
  1	train	plain	this is a superb pizza
  1	train	negation	this room is not bad at all
  0	train	negation	this room is not enjoyable at all
  0	test	contrast	i expected a great food but it was ugly
  0	train	plain	what a disappointing screen
  1	train	negation	the pizza was not useless
  0	train	plain	i hated this room
  0	test	contrast	i expected a enjoyable laptop but it was dull
  0	train	negation	i would not recommend this album
  0	train	plain	the laptop was dull
  1	train	plain	this is a enjoyable pizza
  0	test	negation	i don't like this plot
  0	train	plain	what a bad book
  0	train	negation	the room was not enjoyable
  0	train	plain	this pizza is truly bad
  1	test	plain	this is a wonderful phone
  1	train	negation	this album is not terrible at all
  1	train	contrast	the album looked terrible but it was amazing
  1	train	plain	this pizza is truly enjoyable
  1	test	plain	this room is so enjoyable
  1	train	plain	what a wonderful phone
  0	train	negation	this phone is not wonderful at all
  1	train	plain	this phone is quite wonderful
  1	test	plain	i liked this laptop
  0	train	plain	this pizza is really ugly
  0	train	plain	this is a disappointing service
  1	train	plain	this is a great food
  1	test	plain	this is a enjoyable laptop
  0	train	plain	i hated this plot
  1	train	plain	what a superb pizza
  1	train	plain	the room was fantastic
  0	test	plain	i disliked this screen
  0	train	negation	the pizza was not superb
  0	train	plain	this screen is so poor
  0	train	plain	what a disappointing service
  1	test	plain	this screen is so nice
  0	train	negation	i would not recommend this screen
  0	train	contrast	i expected a nice screen but it was poor
  1	train	contrast	the screen looked disappointing but it was good
  1	test	plain	i liked this story
  0	train	negation	i don't like this room
  1	train	plain	this is a great plot
  1	train	plain	i enjoyed this food
  0	test	plain	the screen was disappointing
  0	train	plain	the phone was disappointing
  1	train	contrast	i expected a disappointing screen but it was good
  0	train	plain	this is a bad book
  0	test	negation	the laptop was not enjoyable
  0	train	negation	the room was not fantastic
  1	train	plain	what a good screen
  1	train	negation	i would recommend this product
  1	test	plain	this room is really fantastic
  1	train	plain	what a enjoyable laptop
  1	train	negation	i do like this plot
  1	train	negation	the pizza was not bad
  0	test	plain	i hated this phone
  0	train	negation	this screen is not good at all
  1	train	negation	the laptop was not dull
  0	train	plain	this is a useless product
  1	test	plain	the laptop was enjoyable
  1	train	plain	what a great food
  0	train	plain	this is a bad room
  1	train	plain	what a fantastic room
  0	test	negation	i would not recommend this phone
  1	train	negation	i do like this room
  1	train	negation	i would recommend this screen
  1	train	negation	i would recommend this plot
  1	test	contrast	the screen looked poor but it was nice
  1	train	negation	this service is not disappointing at all
  1	train	negation	i do like this screen
  0	train	plain	i hated this screen
  1	test	negation	i would recommend this room
  0	train	plain	the screen was poor
  1	train	contrast	i expected a disappointing food but it was good
  1	train	plain	this is a good screen
  0	test	plain	i disliked this pizza
  1	train	negation	the plot was not poor
  1	train	plain	i loved this pizza
  1	train	plain	i enjoyed this room
  1	test	plain	what a great story
  1	train	contrast	i expected a poor plot but it was great
  0	train	negation	the phone was not wonderful
  1	train	plain	what a wonderful product
  0	test	negation	the food was not great
  1	train	negation	the phone was not disappointing
  0	train	negation	this service is not great at all
  0	train	negation	this pizza is not lovely at all
  1	test	contrast	the room looked bad but it was enjoyable
  0	train	plain	this story is truly dull
  1	train	negation	i do like this laptop
  1	train	plain	this product is really wonderful
  1	test	negation	the food was not disappointing
  1	train	plain	this food is very good
  1	train	plain	this pizza is really lovely
  1	train	negation	the room was not bad
  1	test	negation	this story is not dull at all
  0	train	contrast	i expected a amazing album but it was terrible
  0	train	plain	this book is quite bad
  1	train	negation	this food is not ugly at all
  1	test	plain	this is a excellent book
  0	train	negation	the pizza was not lovely
  0	train	plain	this is a disappointing screen
  1	train	plain	i liked this album
  0	test	negation	i would not recommend this product
  1	train	negation	this screen is not disappointing at all
  1	train	plain	this story is truly great
  1	train	negation	this screen is not poor at all
  0	test	contrast	the laptop looked enjoyable but it was dull
  1	train	contrast	i expected a dull story but it was great
  0	train	plain	this screen is very disappointing
  1	train	negation	the story was not dull
  1	test	contrast	the story looked dull but it was great
  1	train	negation	the product was not useless
  1	train	negation	this pizza is not bad at all
  0	train	negation	i don't like this screen
  1	test	plain	this is a nice screen
  1	train	plain	i enjoyed this pizza
  1	train	contrast	the food looked ugly but it was great
  1	train	contrast	i expected a bad book but it was excellent
  1	test	negation	this room is not useless at all
  1	train	contrast	i expected a dull laptop but it was enjoyable
  0	train	negation	i don't like this laptop
  0	train	plain	this is a useless pizza
  0	test	plain	this food is so ugly
  1	train	plain	the food was great
  1	train	negation	i would recommend this food
  0	train	plain	i disliked this book
  0	test	plain	the pizza was ugly
  0	train	plain	this is a poor screen
  0	train	plain	the food was disappointing
  0	train	plain	this product is really useless
  0	test	contrast	i expected a great plot but it was poor
  1	train	negation	this pizza is not useless at all
  1	train	negation	the service was not disappointing
  0	train	negation	i would not recommend this story
  0	test	plain	this room is really useless
  1	train	negation	this product is not useless at all
  0	train	plain	what a useless pizza
  1	train	plain	this service is so great
  1	test	plain	i loved this food
  0	train	plain	i disliked this food
  0	train	negation	the book was not excellent
  0	train	plain	the album was terrible
  0	test	negation	the pizza was not enjoyable
  0	train	contrast	i expected a good screen but it was disappointing
  1	train	plain	i enjoyed this screen
  0	train	negation	this pizza is not enjoyable at all
  1	test	plain	the product was wonderful
  0	train	plain	the room was bad
  1	train	contrast	i expected a poor screen but it was nice
  0	train	negation	the story was not great
  0	test	contrast	i expected a excellent book but it was bad
  0	train	negation	i would not recommend this food
  1	train	plain	this is a great story
  1	train	plain	this plot is very great
  1	test	negation	this book is not bad at all
  1	train	negation	the room was not useless
  0	train	contrast	the book looked excellent but it was bad
  0	train	contrast	i expected a great service but it was disappointing
  1	test	plain	this laptop is quite enjoyable
  1	train	plain	the screen was good
  1	train	contrast	i expected a bad room but it was enjoyable
  0	train	plain	this laptop is quite dull
  0	test	plain	this is a bad pizza
  1	train	negation	this pizza is not ugly at all
  0	train	negation	i would not recommend this laptop
  0	train	plain	the room was useless
  0	test	contrast	i expected a enjoyable pizza but it was bad
  0	train	plain	i hated this pizza
  0	train	negation	the product was not wonderful
  1	train	plain	what a good food
  0	test	negation	i would not recommend this service
  1	train	plain	i enjoyed this plot
  1	train	negation	i would recommend this pizza
  0	train	contrast	the food looked great but it was ugly
  1	test	negation	this food is not disappointing at all
  0	train	plain	i disliked this service
  0	train	contrast	the pizza looked enjoyable but it was bad
  1	train	negation	i do like this story
  1	test	contrast	the product looked useless but it was wonderful
  1	train	plain	what a great service
  0	train	plain	the food was ugly
  0	train	plain	what a dull laptop
  """
