/**
 * A short plain text to train a character model on when no text of one's own is at hand: simple sentences
 * that repeat words and patterns, so a small model picks up spelling and spacing within a few epochs.
 */
export const SAMPLE_TEXT = `The river starts as rain on the hills. The rain runs down the rocks and meets other rain, and the water finds a path to the valley. A small stream becomes a river when many streams join it.

The river is cold in the morning and warm in the afternoon. In spring the river is high and fast. In summer the river is low and slow, and the stones on its bed are dry in the sun.

Fish live in the river. A fish swims against the water to stay in one place. A fish faces the current and waits for food to come to it. Small fish hide under the roots of the trees on the bank. Big fish rest in the deep pools where the water turns slowly.

The trout likes cold and clear water. The trout waits behind a stone and watches the surface. When a fly lands on the water, the trout rises and takes it. The carp likes warm and slow water. The carp looks for food in the mud at the bottom of the pond.

Every river goes to the sea. Near the sea the river is wide and brown, and it moves slowly over the flat land. Birds stand in the shallow water and look for small fish. The water is fresh at the top and salty at the bottom, where the sea comes in under the river.

The sea is large and deep. The sea is blue on a clear day and grey on a cloudy day. The wind makes waves on the sea, and the waves carry the wind to the shore. A wave rises, breaks and runs up the sand, and then the water runs back into the sea.

Twice a day the sea comes in and goes out. When the tide is high, the water covers the rocks. When the tide is low, the rocks are dry and the pools between them hold small fish, crabs and shells. A crab walks sideways and hides under a stone when a shadow passes.

Some fish are born in the river and grow up in the sea. When they are old, they swim back up the river to the place where they were born. They jump over rocks and small falls. They do not eat on the way. They find the stream by its smell, and they lay their eggs in the gravel of the stream.

The salmon is one of these fish. A young salmon stays in the stream for a year or two. Then it goes down the river to the sea, where it eats well and grows fast. After some years in the sea, the salmon comes back to the river, and the river takes it home.

Fish breathe with their gills. The water goes in at the mouth and out over the gills, and the gills take the air that is in the water. Cold water holds more air than warm water, so many fish like cold rivers and deep seas.

A fisher sits on the bank of the river with a line in the water. The fisher waits and watches the line. The river moves, the line moves, and the fisher waits again. When the sun goes down, the fisher goes home, and the fish stay in the river.

At night the river is dark and quiet. The moon is on the water, and the water moves the moon. The fish sleep in the pools, and the river runs on to the sea. In the morning the rain falls on the hills again, and the river starts again.

The sea gives water to the sky, and the sky gives rain to the hills. The hills give streams to the river, and the river gives water back to the sea. The water goes round and round, and the fish live in it all the way.
`;
